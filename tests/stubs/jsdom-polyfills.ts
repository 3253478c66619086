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
