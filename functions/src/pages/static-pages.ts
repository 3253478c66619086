import fs from 'node:fs/promises';
import path from 'node:path';
import type { HttpResponseInit } from '@azure/functions';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
};

/** Serves the built add-in pages from one folder, and nothing outside it. */
export function staticFiles(root: string): (pathname: string) => Promise<HttpResponseInit | null> {
  const base = path.resolve(root);
  return async (pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = path.resolve(base, `.${path.posix.normalize(decoded)}`);
    if (!file.startsWith(base + path.sep)) return null;
    const type = contentTypes[path.extname(file)];
    if (!type) return null;
    try {
      const body = await fs.readFile(file);
      return { status: 200, body, headers: { 'content-type': type, 'cache-control': cacheControlOf(decoded) } };
    } catch {
      return null;
    }
  };
}

/**
 * The pane's chunks are named by their content's hash (build.mjs): a browser keeps them for good, and Outlook reopening
 * the pane reads them from its cache. Other names carry no hash, so browsers revalidate rather than keep a stale pane.
 */
function cacheControlOf(pathname: string): string {
  return /^\/chunks\/[\w-]+-[A-Z0-9]{8}\.js$/.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
