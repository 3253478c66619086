// Loaded on its own when Outlook is dark or in high contrast (themes.ts). The build inlines both as data (build.mjs).
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
