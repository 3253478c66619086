/** @jest-environment jsdom */
import { Suspense, useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { I18nProvider } from '../../addin/src/i18n/I18nContext';
import { lazyWithMessages } from '../../addin/src/i18n/lazy-with-messages';
import { partsOfOneFile } from '../../addin/src/dashboard/parts-of-one-file';

// A chunk that did not arrive, as the browser says it: a TypeError.
const gone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /chunks/team-parts-X.js')) as Promise<Record<string, () => null>>;

describe("the parts of a file that did not load: the page says so once, where the first of them would be", () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  function Page({ file }: { file: ReturnType<typeof partsOfOneFile> | undefined }) {
    const [first] = useState(() => lazyWithMessages(gone, 'GoalsGrid', file?.unavailable));
    const [second] = useState(() => lazyWithMessages(gone, 'ActivityPlans', file?.unavailable));
    const [third] = useState(() => lazyWithMessages(gone, 'GoalsImport', file?.unavailable));
    const [showFirst, setShowFirst] = useState(true);
    const [First, Second, Third] = [first, second, third];
    return (
      <FluentProvider theme={webLightTheme}>
        <I18nProvider translator={translatorFor('es-ES')}>
          <button onClick={() => setShowFirst(false)}>hide the first</button>
          {/* Each part in a Suspense of its own, as tab-parts.tsx renders them. */}
          {showFirst ? (
            <section aria-label="first">
              <Suspense fallback="loading">
                <First />
              </Suspense>
            </section>
          ) : null}
          <section aria-label="second">
            <Suspense fallback="loading">
              <Second />
            </Suspense>
          </section>
          <Suspense fallback="loading">
            <Third />
          </Suspense>
        </I18nProvider>
      </FluentProvider>
    );
  }

  it('one message with Retry for three parts of one file, in the first part’s place; the next part says it when the first leaves', async () => {
    render(<Page file={partsOfOneFile()} />);
    await screen.findAllByRole('button', { name: 'Reintentar' });
    expect(screen.getAllByText(/No se puede conectar con Rapport/)).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Reintentar' })).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'first' }).textContent).toMatch(/No se puede conectar con Rapport/);
    expect(screen.getByRole('region', { name: 'second' }).textContent).toBe('');

    await act(async () => screen.getByRole('button', { name: 'hide the first' }).click());
    expect(screen.getAllByText(/No se puede conectar con Rapport/)).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'second' }).textContent).toMatch(/No se puede conectar con Rapport/);
  });

  it('each part of a file of its own says it (the pane’s views and forms)', async () => {
    render(<Page file={undefined} />);
    await screen.findAllByRole('button', { name: 'Reintentar' });
    expect(screen.getAllByText(/No se puede conectar con Rapport/)).toHaveLength(3);
  });
});
