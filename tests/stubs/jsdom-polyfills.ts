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

// jsdom has no fetch API's Response: the harness's fake fetch answers with one, and the client reads its status,
// headers and text. This stand-in gives exactly that.
if (typeof window !== 'undefined' && typeof globalThis.Response === 'undefined') {
  class PaneTestResponse {
    readonly ok: boolean;
    readonly status: number;
    readonly statusText = '';
    readonly headers: { get: (name: string) => string | null };
    constructor(
      private readonly body: string | null,
      init: { status?: number; headers?: Record<string, string> } = {},
    ) {
      this.status = init.status ?? 200;
      this.ok = this.status >= 200 && this.status < 300;
      const headers = new Map(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      this.headers = { get: (name) => headers.get(name.toLowerCase()) ?? null };
    }
    async text(): Promise<string> {
      return this.body ?? '';
    }
    async json(): Promise<unknown> {
      return JSON.parse(this.body ?? 'null') as unknown;
    }
  }
  Object.defineProperty(globalThis, 'Response', { value: PaneTestResponse, configurable: true });
}

// jsdom's AbortSignal lacks timeout(); the client gives each call one. A test's fake API answers at once.
if (typeof window !== 'undefined' && typeof AbortSignal.timeout !== 'function') {
  Object.defineProperty(AbortSignal, 'timeout', { value: () => new AbortController().signal, configurable: true });
}

// jsdom lays nothing out, so it scrolls nothing either and has no scrollIntoView (a record view opened at a section
// brings it into view): here it does nothing, as scrolling a layout-less page would.
if (typeof window !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined, configurable: true });
}

// jsdom lays nothing out, yet its getComputedStyle walks every rule of every style sheet, and a query by role asks it
// for each element and its ancestors. Griffel (Fluent's CSS-in-JS) inserts thousands of atomic rules as components
// render, which made each query take seconds. Only the rules that hide something decide what a test can find (a
// tab's bold twin kept for its width is visibility:hidden, for one); those are kept, the rest are not.
if (typeof window !== 'undefined' && typeof CSSStyleSheet !== 'undefined') {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  const hides = /display:\s*none|visibility:\s*(hidden|collapse)/;
  Object.defineProperty(CSSStyleSheet.prototype, 'insertRule', {
    value(this: CSSStyleSheet, rule: string, index?: number): number {
      return hides.test(rule) ? insertRule.call(this, rule, Math.min(index ?? 0, this.cssRules.length)) : 0;
    },
    configurable: true,
  });
}
