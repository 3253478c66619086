import { themeOf } from '../../addin/src/office/office-theme';

describe("the pane's theme follows Outlook's", () => {
  it('is dark when Office says its body is dark, light when it is light or Office says nothing', () => {
    expect(themeOf({ bodyBackgroundColor: '#292929' }, false)).toBe('dark');
    expect(themeOf({ bodyBackgroundColor: '#000' }, false)).toBe('dark');
    expect(themeOf({ bodyBackgroundColor: '#FFFFFF' }, false)).toBe('light');
    expect(themeOf({ bodyBackgroundColor: '#e6e6e6' }, false)).toBe('light');
    expect(themeOf(undefined, false)).toBe('light');
    expect(themeOf({ bodyBackgroundColor: 'not a colour' }, false)).toBe('light');
  });

  it("is high contrast whenever the system forces its colours, whatever Office's body", () => {
    expect(themeOf({ bodyBackgroundColor: '#ffffff' }, true)).toBe('high-contrast');
    expect(themeOf({ bodyBackgroundColor: '#292929' }, true)).toBe('high-contrast');
  });
});
