import type { Readable } from 'node:stream';

/**
 * Where files' bytes are kept: the data directory in local mode, Azure Blob Storage in production. Keys are the
 * tenant's id and a key the API makes (letters, digits, `-`, `_`); what a file is, and who may read it, is the
 * document record's business, never the store's. Files leave only through the API.
 */
export type FileStore = {
  readonly name: 'directory' | 'blob';
  /**
   * Keeps a file's bytes, streamed (never held whole in memory). When the stream fails midway (a check refusing the
   * file, a broken upload), nothing is kept and the stream's error is thrown.
   */
  put(tenantId: string, key: string, content: Readable, contentType: string): Promise<void>;
  /** The bytes, streamed, or null when nothing is kept under the key. */
  get(tenantId: string, key: string): Promise<Readable | null>;
  /** Forgets a file; nothing happens when there is none. */
  remove(tenantId: string, key: string): Promise<void>;
  close(): Promise<void>;
};

const SAFE_PART = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Refuses a tenant id or key that could name anything but one file of one tenant (both come from the server, but still). */
export function checkFileKey(tenantId: string, key: string): void {
  if (!SAFE_PART.test(tenantId) || !SAFE_PART.test(key)) throw new Error(`Not a file key: ${JSON.stringify(tenantId)}/${JSON.stringify(key)}`);
}
