// jsdom lays nothing out, so it has no ResizeObserver; Fluent's MessageBar needs one to exist.
// This one never reports a resize, which is what a layout-less DOM would do.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
}

// jsdom's window.crypto lacks randomUUID, which browsers (and Node) have: lend it Node's.
if (typeof window !== 'undefined' && typeof window.crypto?.randomUUID !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { webcrypto } = require('node:crypto') as typeof import('node:crypto');
  Object.defineProperty(window, 'crypto', { value: webcrypto, configurable: true });
}

// jsdom has no fetch classes: the pane's client reads a Response (the harness's fake fetch answers with one). Node's
// own implementation (undici) stands in for the browser's.
if (typeof window !== 'undefined' && typeof globalThis.Response === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Response, Headers } = require('undici') as typeof import('undici');
  Object.defineProperty(globalThis, 'Response', { value: Response, configurable: true });
  Object.defineProperty(globalThis, 'Headers', { value: Headers, configurable: true });
}

// jsdom's AbortSignal lacks timeout(); the client gives each call one. In tests a call never times out by itself.
if (typeof window !== 'undefined' && typeof AbortSignal.timeout !== 'function') {
  Object.defineProperty(AbortSignal, 'timeout', { value: () => new AbortController().signal, configurable: true });
}
