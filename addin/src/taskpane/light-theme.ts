// Outlook's light theme, the pane's first: the build inlines it as data (build.mjs), so the first card's JavaScript does
// not carry the palettes and code that compute it.
export { webLightTheme } from '@fluentui/react-components';
