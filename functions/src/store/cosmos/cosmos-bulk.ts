import type { Container, ItemDefinition, OperationInput } from '@azure/cosmos';

/** An operation of a bulk write that did not succeed: its position among the documents, and why. */
export type BulkFailure = { index: number; status: number; message: string };

// The SDK's bulk executor waits a whole second after the last operation is queued, to gather a partial batch: a
// handful of documents (a small import, a plan's activities, their index entries) is written sooner as point writes,
// 16 at a time (up to 7 rounds of requests for 100), at the same request units per document.
const POINT_WRITES_UP_TO = 100;
const POINT_WRITE_CONCURRENCY = 16;

/**
 * Writes documents through the SDK's bulk API, which groups them by partition range into few requests
 * and retries throttled ones itself. Bulk is not atomic: each operation succeeds or fails on its own,
 * and the failures are returned for the caller to judge.
 */
export async function bulkWrite(container: Container, operationType: 'Create' | 'Upsert', docs: readonly (ItemDefinition & { pk: string })[]): Promise<BulkFailure[]> {
  return (await bulkWriteWithEtags(container, operationType, docs)).failures;
}

/** A bulk write that also returns each written document's new `_etag` (undefined where the operation failed). */
export async function bulkWriteWithEtags(
  container: Container,
  operationType: 'Create' | 'Upsert',
  docs: readonly (ItemDefinition & { pk: string })[],
): Promise<{ failures: BulkFailure[]; etags: (string | undefined)[] }> {
  if (docs.length === 0) return { failures: [], etags: [] };
  if (docs.length <= POINT_WRITES_UP_TO) return pointWrites(container, operationType, docs);
  const operations: OperationInput[] = docs.map((doc) => ({ operationType, partitionKey: doc.pk, resourceBody: doc }));
  const results = await container.items.executeBulkOperations(operations);
  const failures: BulkFailure[] = [];
  const etags: (string | undefined)[] = [];
  results.forEach((result, index) => {
    const status = result.response?.statusCode ?? Number(result.error?.code ?? 500);
    if (status >= 400) failures.push({ index, status, message: result.error?.message ?? `status ${status}` });
    etags.push(status < 400 ? result.response?.eTag : undefined);
  });
  return { failures, etags };
}

/**
 * Deletes documents by id and partition, missing ones being no failure: a few as point deletes, many through the bulk
 * API. Returns the failures other than 404.
 */
export async function bulkDelete(container: Container, docs: readonly { id: string; pk: string }[]): Promise<BulkFailure[]> {
  const failures: BulkFailure[] = [];
  const failed = (index: number, status: number, message: string) => {
    if (status !== 404) failures.push({ index, status, message });
  };
  if (docs.length <= POINT_WRITES_UP_TO) {
    await inBatches(docs.map((doc, index) => ({ doc, index })), POINT_WRITE_CONCURRENCY, async ({ doc, index }) => {
      try {
        await container.item(doc.id, doc.pk).delete();
      } catch (error) {
        const status = Number((error as { code?: unknown }).code ?? 500);
        failed(index, Number.isFinite(status) ? status : 500, (error as Error).message ?? `status ${status}`);
      }
    });
    return failures.sort((a, b) => a.index - b.index);
  }
  const results = await container.items.executeBulkOperations(docs.map((doc) => ({ operationType: 'Delete' as const, id: doc.id, partitionKey: doc.pk })));
  results.forEach((result, index) => {
    const status = result.response?.statusCode ?? Number(result.error?.code ?? 500);
    if (status >= 400) failed(index, status, result.error?.message ?? `status ${status}`);
  });
  return failures;
}

/** The error for failures no caller expects. */
export function unexpectedBulkFailure(operationType: string, failure: BulkFailure): Error {
  return new Error(`bulk ${operationType} failed with status ${failure.status}: ${failure.message}`);
}

/** The same writes one request per document, 16 at a time, each failure reported as bulk reports it. */
async function pointWrites(container: Container, operationType: 'Create' | 'Upsert', docs: readonly (ItemDefinition & { pk: string })[]) {
  const failures: BulkFailure[] = [];
  const etags: (string | undefined)[] = new Array(docs.length).fill(undefined);
  await inBatches(docs.map((doc, index) => ({ doc, index })), POINT_WRITE_CONCURRENCY, async ({ doc, index }) => {
    try {
      etags[index] = (operationType === 'Create' ? await container.items.create(doc) : await container.items.upsert(doc)).etag;
    } catch (error) {
      const status = Number((error as { code?: unknown }).code ?? 500);
      failures.push({ index, status: Number.isFinite(status) ? status : 500, message: (error as Error).message ?? `status ${status}` });
    }
  });
  return { failures: failures.sort((a, b) => a.index - b.index), etags };
}

/** Runs `run` over the items `size` at a time: a round waits for the one before. */
export async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
