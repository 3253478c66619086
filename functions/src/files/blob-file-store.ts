import { RestError, type BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Readable } from 'node:stream';
import { checkFileKey, type FileStore } from './file-store';

/** Blocks the SDK uploads at once while it streams a file: memory held is at most their product (8 MB). */
const UPLOAD_BLOCK_BYTES = 4 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 2;

/**
 * Files in Azure Blob Storage: one container, a tenant's files under their tenant's prefix (`{tenantId}/{key}`). The
 * container is private: nothing is served from it but through the API. A failed upload commits no block list, so
 * nothing of it is visible.
 */
export function blobFileStore(service: BlobServiceClient, containerName: string): FileStore {
  const container: ContainerClient = service.getContainerClient(containerName);
  // Made on the first upload of the process, not at start: a cold start calls nothing (infra/ declares it anyway).
  let made: Promise<unknown> | null = null;
  const containerMade = () => (made ??= container.createIfNotExists().catch((error: unknown) => {
    made = null;
    throw error;
  }));
  const blobOf = (tenantId: string, key: string) => {
    checkFileKey(tenantId, key);
    return container.getBlockBlobClient(`${tenantId}/${key}`);
  };
  return {
    name: 'blob',
    async put(tenantId, key, content, contentType) {
      await containerMade();
      // A stream that failed while the container was made (a check refused its first bytes) has said so already.
      if (content.errored || content.destroyed) throw content.errored ?? new Error('The file stream closed before it was kept');
      await blobOf(tenantId, key).uploadStream(content, UPLOAD_BLOCK_BYTES, UPLOAD_CONCURRENCY, { blobHTTPHeaders: { blobContentType: contentType } });
    },
    async get(tenantId, key) {
      try {
        const download = await blobOf(tenantId, key).download();
        return (download.readableStreamBody as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return null;
        throw error;
      }
    },
    async remove(tenantId, key) {
      await blobOf(tenantId, key).deleteIfExists();
    },
    async close() {},
  };
}
