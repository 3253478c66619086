import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Makes the local Cosmos-compatible server answer a query from the one logical partition its request
 * names, as Cosmos DB does. Out of the box it copies and scans a whole container for every query, so
 * its latency grows with everything stored; scoped to the partition, it grows with the partition only,
 * which is what the store's design is about and what the benchmark measures.
 *
 * The server's documents class is patched once per process: it keeps a set of document ids per
 * partition, and a query run while a request carries `x-ms-documentdb-partitionkey` sees that set only.
 * A query plan request sees no documents (the SDK then plans the query itself, as it does against this
 * server anyway).
 */

type Item = { read(): { _rid: string } & Record<string, unknown> };
type DocumentsInternals = {
  _data: Map<string, Item>;
  _getPartition(data: unknown): unknown;
  _item(keyPath: string, value: string, partition: unknown): Item | { read(): undefined };
  _set(data: { _rid: string }): unknown;
  delete(idOrRid: string, partition: unknown): void;
  query(params: unknown, options: unknown): unknown;
};

const PARTITION_HEADER = 'x-ms-documentdb-partitionkey';
const QUERY_PLAN_HEADER = 'x-ms-cosmos-is-query-plan-request';
/** A query plan request reads no documents: the server has no planner and would run the query instead. */
const NO_PARTITION = '\u0000query-plan';
const requestPartition = new AsyncLocalStorage<string | undefined>();
const partitionsOf = new WeakMap<object, Map<string, Set<string>>>();
let patched = false;

/** Runs a request's handling with the partition its header names (if any) in scope. */
export function withRequestPartition(headers: Record<string, string | string[] | undefined>, handle: () => void): void {
  requestPartition.run(isQueryPlanRequest(headers) ? NO_PARTITION : partitionFromHeader(headers[PARTITION_HEADER]), handle);
}

/** The SDK asks the gateway for a query plan beside some queries: metadata, not a read of data. */
export function isQueryPlanRequest(headers: Record<string, string | string[] | undefined>): boolean {
  return String(headers[QUERY_PLAN_HEADER] ?? '').toLowerCase() === 'true';
}

/** Patches the server's documents class; the prototype is shared, so once is enough. */
export function scopeQueriesToPartitions(documentsClass: { prototype: object }): void {
  if (patched) return;
  patched = true;
  const proto = documentsClass.prototype as DocumentsInternals;
  const { _set: set, delete: remove, query } = proto;

  proto._set = function (this: DocumentsInternals, data) {
    const result = set.call(this, data);
    ridsIn(this, this._getPartition(data)).add(data._rid);
    return result;
  };
  proto.delete = function (this: DocumentsInternals, idOrRid, partition) {
    const existing = this._item('/id', idOrRid, partition).read();
    remove.call(this, idOrRid, partition);
    if (existing) ridsIn(this, this._getPartition(existing)).delete(existing._rid);
  };
  proto.query = function (this: DocumentsInternals, params, options) {
    const partition = requestPartition.getStore();
    if (partition === undefined) return query.call(this, params, options);
    const all = this._data;
    const scoped = new Map<string, Item>();
    for (const rid of ridsIn(this, partition)) {
      const item = all.get(rid);
      if (item) scoped.set(rid, item);
    }
    // The query runs synchronously, so the container shows only the partition for its duration.
    this._data = scoped;
    try {
      return query.call(this, params, options);
    } finally {
      this._data = all;
    }
  };
}

function ridsIn(documents: object, partition: unknown): Set<string> {
  let partitions = partitionsOf.get(documents);
  if (!partitions) partitionsOf.set(documents, (partitions = new Map()));
  const key = String(partition);
  let rids = partitions.get(key);
  if (!rids) partitions.set(key, (rids = new Set()));
  return rids;
}

/** The header holds a JSON array of the key's values, e.g. `["tenant|contact"]`. */
function partitionFromHeader(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    const value = Array.isArray(parsed) ? parsed[0] : parsed;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
