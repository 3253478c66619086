import { createHash } from 'node:crypto';
import { PartitionKeyDefinitionVersion, PartitionKeyKind, type ContainerDefinition } from '@azure/cosmos';
import { kinds, type RecordKind } from '@rapport/shared';
import { z } from 'zod';

// Every partition key starts with the tenant, so no query can reach another tenant's data,
// and no logical partition holds a whole tenant's history (see README.md beside this file).

export const RECORDS = 'records';
export const INDEX = 'index';

/** Kinds that grow with history (activities) are spread over this many partitions per tenant, by id. */
export const ACTIVITY_BUCKETS = 64;

/** Whether a kind's records are spread over buckets (its definition says `spread`) rather than in one partition. */
export function isSpread(kind: RecordKind): boolean {
  return (kinds[kind] as { spread?: true }).spread === true;
}

/** The partition of one record: its kind's, or for a spread kind (activities) its bucket's. */
export function recordPartition(tenantId: string, kind: RecordKind, id: string): string {
  return isSpread(kind) ? `${tenantId}|${kind}|${bucketOf(id)}` : kindPartition(tenantId, kind);
}

/** Every partition a tenant's records of a kind are in: its buckets' for a spread kind, else its one. */
export function partitionsOfKind(tenantId: string, kind: RecordKind): string[] {
  if (!isSpread(kind)) return [kindPartition(tenantId, kind)];
  return Array.from({ length: ACTIVITY_BUCKETS }, (_, bucket) => `${tenantId}|${kind}|${bucketName(bucket)}`);
}

/** The one partition of a tenant's records of a kind that is not spread. */
export function kindPartition(tenantId: string, kind: RecordKind): string {
  return `${tenantId}|${kind}`;
}

export const emailPartition = (tenantId: string, email: string) => `${tenantId}|email|${email}`;
export const domainPartition = (tenantId: string, domain: string) => `${tenantId}|domain|${domain}`;
/** Terms are spread by their first two characters: a search word (2+ characters) reads one partition. */
export const termPartition = (tenantId: string, kind: string, term: string) => `${tenantId}|terms|${kind}|${term.slice(0, 2)}`;
/** A stem's postings in a kind's full text: one partition per stem, read whole by a search (at most its best 100). */
export const fullTextPartition = (tenantId: string, kind: string, term: string) => `${tenantId}|fulltext|${kind}|${term}`;
export const linkPartition = (tenantId: string, targetKind: string, targetId: string) => `${tenantId}|links|${targetKind}|${targetId}`;
export const refPartition = (tenantId: string, kind: string) => `${tenantId}|ref|${kind}`;
export const idempotencyPartition = (tenantId: string, userId: string) => `${tenantId}|idem|${userId}`;
export const sequencePartition = (tenantId: string) => `${tenantId}|seq`;
/** A record's audit trail: grows with that record's changes only. */
export const auditPartition = (tenantId: string, kind: string, id: string) => `${tenantId}|audit|${kind}|${id}`;
/** The recycle bin: records deleted in the restore window (older entries are dropped as the bin is read). */
/** A family of report cells: grows with owners, stages, products and months, not with records. */
export const reportPartition = (tenantId: string, family: string) => `${tenantId}|report|${family}`;
export const deletedPartition = (tenantId: string) => `${tenantId}|deleted`;
/**
 * Job runs (the job runner's claims): not tenant data, so not under a tenant. One partition per job and month, so none
 * grows for ever (a run every minute is 45,000 small documents a month).
 */
export const jobRunPartition = (job: string, claimedAt: string) => `jobs|${job}|${claimedAt.slice(0, 7)}`;
/**
 * A job's work queue (work-queue items): not a tenant's data, as a job does every tenant's work, so not under a tenant.
 * One partition per job, holding only the items not yet done (each is removed when done or given up).
 */
export const workPartition = (job: string) => `work|${job}`;
/** A public key's own partition: found by the key alone, in any tenant, with one point read. */
export const publicLinkPartition = (key: string) => `public|${key}`;
/** Which index upgrades a tenant has had (cosmos-index-upgrades.ts): one marker document. */
export const upgradesPartition = (tenantId: string) => `${tenantId}|upgrades`;

/** Cosmos ids may not contain / \ ? # and stop at 255 characters: values that might are encoded, long ones hashed. */
export function safeId(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64url');
  return encoded.length <= 200 ? encoded : `h.${createHash('sha256').update(value).digest('base64url')}`;
}

function bucketOf(id: string): string {
  // FNV-1a: a stable spread of any id, UUID or slug, over the buckets.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return bucketName(hash % ACTIVITY_BUCKETS);
}

const bucketName = (bucket: number) => bucket.toString(16).padStart(2, '0');

const PathSchema = z.object({ path: z.string().startsWith('/') });
const LayoutSchema = z.object({
  database: z.string().min(1),
  containers: z.array(
    z.object({
      id: z.string().min(1),
      partitionKey: z.object({ paths: z.array(z.string().startsWith('/')).length(1), kind: z.literal('Hash'), version: z.literal(2) }),
      indexingPolicy: z.object({
        indexingMode: z.literal('consistent'),
        automatic: z.boolean(),
        includedPaths: z.array(PathSchema),
        excludedPaths: z.array(PathSchema),
        compositeIndexes: z.array(z.array(z.object({ path: z.string().startsWith('/'), order: z.enum(['ascending', 'descending']) }))),
      }),
    }),
  ),
});

/**
 * The database and containers, from the one file infra/ also deploys with (loadJsonContent in
 * infra/modules/cosmos.bicep). Read with require: the file stays with the infrastructure, outside this
 * package's sources, and esbuild bundles it into the Azure package. The composite indexes are the ones the
 * ORDER BY queries need; record copies inside links need no index of their own.
 */
export const cosmosLayout = LayoutSchema.parse(require('../../../../infra/cosmos-layout.json'));

/** The containers as the SDK creates them (npm run cosmos:init, the in-process server). */
export const containerDefinitions: ContainerDefinition[] = cosmosLayout.containers.map(({ id, partitionKey, indexingPolicy }) => ({
  id,
  partitionKey: { paths: partitionKey.paths, kind: PartitionKeyKind.Hash, version: PartitionKeyDefinitionVersion.V2 },
  indexingPolicy,
}));
