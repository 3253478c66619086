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
