import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FileStore } from '../../functions/src/files/file-store';
import { directoryFileStore } from '../../functions/src/files/directory-file-store';
import { azuriteFileStore, stopAzurite } from './azurite';

afterAll(() => stopAzurite());

const stores: [string, () => Promise<{ files: FileStore; done(): Promise<void> }>][] = [
  [
    'the data directory',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-files-'));
      return { files: directoryFileStore(dir), done: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  ['Blob Storage (Azurite)', async () => ({ files: (await azuriteFileStore()).files, done: async () => undefined })],
];

/** A stream that gives some bytes, then fails: a check refusing a file midway, a broken upload. */
function failingAfter(bytes: Buffer): Readable {
  return new Readable({
    read() {
      this.push(bytes);
      this.destroy(new Error('refused midway'));
    },
  });
}

describe.each(stores)('file store on %s', (_name, open) => {
  let files: FileStore;
  let done: () => Promise<void>;
  beforeAll(async () => ({ files, done } = await open()));
  afterAll(() => done());

  it('keeps bytes streamed in and gives them back streamed, per tenant', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 17, 7);
    await files.put('tenant-a', 'key-1', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 'application/pdf');
    const read = await files.get('tenant-a', 'key-1');
    expect(read).not.toBeNull();
    expect((await buffer(read!)).equals(bytes)).toBe(true);
    // Another tenant's key is another file.
    expect(await files.get('tenant-b', 'key-1')).toBeNull();
  });

  it('keeps nothing when the stream fails midway', async () => {
    await expect(files.put('tenant-a', 'key-2', failingAfter(Buffer.alloc(1024, 1)), 'application/pdf')).rejects.toThrow();
    expect(await files.get('tenant-a', 'key-2')).toBeNull();
  });

  it('keeps nothing from a stream that failed before it was handed over, and says so', async () => {
    const failed = new Readable({ read() {} });
    failed.on('error', () => undefined);
    failed.destroy(new Error('refused at once'));
    await expect(files.put('tenant-a', 'key-4', failed, 'application/pdf')).rejects.toThrow();
    expect(await files.get('tenant-a', 'key-4')).toBeNull();
  });

  it('forgets a file, and forgetting nothing is no error', async () => {
    await files.put('tenant-a', 'key-3', Readable.from([Buffer.from('hello')]), 'text/plain');
    await files.remove('tenant-a', 'key-3');
    expect(await files.get('tenant-a', 'key-3')).toBeNull();
    await files.remove('tenant-a', 'key-3');
  });

  it('refuses keys that could name another place', async () => {
    for (const [tenant, key] of [['tenant-a', '../key'], ['..', 'key'], ['tenant-a', 'a/b'], ['tenant-a', '']]) {
      await expect(files.put(tenant!, key!, Readable.from([Buffer.from('x')]), 'text/plain')).rejects.toThrow(/Not a file key/);
    }
  });
});
