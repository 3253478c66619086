// Azure Blob Storage for tests: Azurite (the `azurite` npm package) in this process, in memory, on a free port. The
// real @azure/storage-blob SDK talks to it over HTTP with the emulator's well-known account and key.
import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import type { FileStore } from '../../functions/src/files/file-store';
import { blobFileStore } from '../../functions/src/files/blob-file-store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BlobServer = require('azurite/dist/src/blob/BlobServer').default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BlobConfiguration = require('azurite/dist/src/blob/BlobConfiguration').default;

const ACCOUNT = 'devstoreaccount1';
// The emulator's published development key (Microsoft's docs name it): not a secret.
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

type Running = { connectionString: string; stop(): Promise<void> };
let running: Promise<Running> | undefined;

async function start(): Promise<Running> {
  // host, port 0 (a free one), keep-alive, metadata and extent paths (unused in memory), persistence, logs off,
  // loose, skipApiVersionCheck (the SDK may be newer than the emulator), no cert/key/pwd/oauth, product-style URLs
  // off, in memory.
  const configuration = new BlobConfiguration('127.0.0.1', 0, 120, 'azurite-blob-metadata.json', 'azurite-blob-extent.json', [], false, undefined, false, undefined, true, true, '', '', '', undefined, true, true);
  const server = new BlobServer(configuration);
  await server.start();
  const address: string = server.getHttpServerAddress();
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${address}/${ACCOUNT};`;
  return { connectionString, stop: () => server.close() };
}

/** The connection string of this process's Azurite (started on first use). */
export async function azuriteConnectionString(): Promise<string> {
  running ??= start();
  return (await running).connectionString;
}

/** A file store on a fresh container of this process's Azurite. */
export async function azuriteFileStore(): Promise<{ files: FileStore; container: string }> {
  const container = `test-${randomUUID()}`;
  const files = blobFileStore(BlobServiceClient.fromConnectionString(await azuriteConnectionString()), container);
  return { files, container };
}

export async function stopAzurite(): Promise<void> {
  const started = running;
  running = undefined;
  if (started) await (await started).stop();
}
