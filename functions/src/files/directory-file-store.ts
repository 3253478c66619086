import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkFileKey, type FileStore } from './file-store';

/** Files in the data directory (local mode): `{dir}/{tenantId}/{key}`, written to a temporary name and renamed when whole. */
export function directoryFileStore(dir: string): FileStore {
  const pathOf = (tenantId: string, key: string) => {
    checkFileKey(tenantId, key);
    return join(dir, tenantId, key);
  };
  return {
    name: 'directory',
    async put(tenantId, key, content) {
      const path = pathOf(tenantId, key);
      await mkdir(join(dir, tenantId), { recursive: true });
      const partial = `${path}.${randomUUID()}.part`;
      try {
        await pipeline(content, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(tenantId, key) {
      const path = pathOf(tenantId, key);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async remove(tenantId, key) {
      await rm(pathOf(tenantId, key), { force: true });
    },
    async close() {},
  };
}

