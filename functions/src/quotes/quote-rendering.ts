import type { QuoteRenderer } from './quote-renderer';

// TEMPORARY until the renderer lands: never committed.
export function quoteRenderer(): QuoteRenderer {
  return { pdf: async () => { throw new Error('renderer not merged'); }, page: () => { throw new Error('renderer not merged'); } };
}
export const quotePageAssets = { script: '', policy: "default-src 'none'", missingName: () => 'Type your name' };
