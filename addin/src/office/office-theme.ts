/** The pane's theme, following Outlook's: light, dark, or the system's high contrast. */
export type PaneTheme = 'light' | 'dark' | 'high-contrast';

/**
 * Outlook's theme from `Office.context.officeTheme` (its body colour: dark when its luminance is low) and the browser's
 * forced colours (Windows high contrast). Light when Office does not say.
 */
export function themeOf(officeTheme: { bodyBackgroundColor?: string } | undefined, forcedColors: boolean): PaneTheme {
  if (forcedColors) return 'high-contrast';
  const luminance = luminanceOf(officeTheme?.bodyBackgroundColor);
  return luminance !== null && luminance < 0.4 ? 'dark' : 'light';
}

/** Relative luminance (0 black – 1 white) of a #rgb or #rrggbb colour; null when it is not one. */
function luminanceOf(colour: string | undefined): number | null {
  const hex = colour?.trim().replace(/^#/, '');
  if (!hex || !/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = Number.parseInt(full.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
