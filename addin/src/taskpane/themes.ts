import type { Theme } from '@fluentui/react-components';
import { webLightTheme } from './light-theme';
import type { PaneTheme } from '../office/office-theme';

/** Fluent's theme for Outlook's: light is in the pane's first JavaScript, dark and high contrast load when used. */
export async function fluentThemeFor(theme: PaneTheme): Promise<Theme> {
  if (theme === 'light') return webLightTheme;
  const { webDarkTheme, teamsHighContrastTheme } = await import('./other-themes');
  return theme === 'dark' ? webDarkTheme : teamsHighContrastTheme;
}
