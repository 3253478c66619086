/** @jest-environment jsdom */
import { act, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BarChart } from '../../addin/src/dashboard/charts/BarChart';
import { CHAR_WIDTH } from '../../addin/src/dashboard/charts/chart-scale';

// jsdom lays nothing out: a ResizeObserver stand-in gives each chart the box a 320 px pane leaves it.
class BoxObserver {
  static boxes: { target: Element; callback: ResizeObserverCallback; observer: BoxObserver }[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    BoxObserver.boxes.push({ target, callback: this.callback, observer: this });
  }
  unobserve() {}
  disconnect() {}
}

describe('a bar chart on a narrow card', () => {
  beforeAll(() => {
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = BoxObserver;
  });
  afterAll(() => {
    delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
  });

  it('labels its value axis without one label running into the next (amounts in millions at 320 px)', () => {
    const millions = (value: number) => `${Math.round(value / 1e6)}\u00a0M\u00a0€`;
    const points = [2_633e6, 2_060e6, 1_571e6, 1_035e6].map((value, index) => ({ label: `Stage ${index}`, value, text: millions(value) }));
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <BarChart title="Pipeline" points={points} color="#0f6cbd" tick={millions} />
      </FluentProvider>,
    );
    act(() => {
      for (const { target, callback, observer } of BoxObserver.boxes) callback([{ target, contentRect: { width: 240, height: 160 } } as unknown as ResizeObserverEntry], observer as unknown as ResizeObserver);
    });
    const labels = [...container.querySelectorAll('svg > g > text[text-anchor="middle"]')].map((text) => ({ x: Number(text.getAttribute('x')), width: (text.textContent ?? '').length * CHAR_WIDTH }));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (let index = 1; index < labels.length; index++) {
      const [before, after] = [labels[index - 1]!, labels[index]!];
      expect(after.x - after.width / 2).toBeGreaterThanOrEqual(before.x + before.width / 2);
    }
  });
});
