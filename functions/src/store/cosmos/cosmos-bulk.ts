import type { Container, ItemDefinition, OperationInput } from '@azure/cosmos';

/** An operation of a bulk write that did not succeed: its position among the documents, and why. */
export type BulkFailure = { index: number; status: number; message: string };

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

/** The error for failures no caller expects. */
export function unexpectedBulkFailure(operationType: string, failure: BulkFailure): Error {
  return new Error(`bulk ${operationType} failed with status ${failure.status}: ${failure.message}`);
}
