// Loaded on its own when Outlook is dark or in high contrast (themes.ts).
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
