// Lint rules that guard what review alone would miss: no HTML from e-mail or records rendered as HTML,
// and no CRM data kept in the browser's storage. Style is left to TypeScript and review.
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';

const browserStorage = 'CRM data never goes into browser storage: it stays on the server, behind the user\'s token.';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**'] },
  {
    files: ['addin/src/**/*.{ts,tsx}', 'shared/src/**/*.ts', 'functions/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { react, 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Text from e-mails and records is rendered as text, never as HTML.
      'react/no-danger': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Set textContent: text from e-mails and records is never HTML.' },
        { property: 'outerHTML', message: 'Text from e-mails and records is never HTML.' },
        { object: 'window', property: 'localStorage', message: browserStorage },
        { object: 'window', property: 'indexedDB', message: browserStorage },
        { object: 'window', property: 'sessionStorage', message: browserStorage },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: browserStorage },
        { name: 'indexedDB', message: browserStorage },
        { name: 'sessionStorage', message: browserStorage },
      ],
    },
  },
  {
    // The sign-in dialog keeps its own settings (client id, scope) across MSAL's redirect; they are not CRM data.
    files: ['addin/src/office/auth-dialog-page.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
];
