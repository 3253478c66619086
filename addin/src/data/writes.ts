import { useCallback, useRef } from 'react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { ChangeInput, CreateInput, CreateOptions, OperationRequest, OperationResponse, RecordFor } from '../api/api-types';
import { ApiError } from '../api/api-error';
import { routeTable } from '../api/route-table';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** The operations whose answers are made of records: a write of one of these kinds makes them stale. */
const readersOf: Partial<Record<OperationName, readonly CrudKind[]>> = {
  lookup: ['contact', 'company', 'lead', 'deal', 'case', 'activity', 'thread', 'contract'],
  search: ['contact', 'company', 'lead', 'deal', 'case'],
  myDay: ['activity'],
  appointments: ['activity'],
  purchases: ['deal', 'product', 'order'],
  report: ['company', 'contact', 'lead', 'deal', 'activity', 'case'],
  deleted: ['company', 'contact', 'lead', 'deal', 'activity', 'case', 'product', 'territory', 'form', 'tip'],
  contactDuplicates: ['contact'],
  pipelineUse: ['deal'],
  dealCommission: ['deal'],
};

/** What an operation that writes changes: the answers it replaces and the kinds whose records it writes. */
const writesOf: Partial<Record<OperationName, { replaces?: OperationName; operations?: OperationName[]; kinds?: CrudKind[] }>> = {
  updatePipeline: { replaces: 'pipeline', operations: ['report', 'pipelineUse'] },
  updateSettings: { replaces: 'settings', operations: ['report', 'purchases', 'myNeverLog'] },
  createMember: { operations: ['members'] },
  // A member's change moves their record's version, which their own never-log list is changed on.
  updateMember: { operations: ['members', 'me', 'memberHistory', 'appointments', 'myNeverLog'] },
  updateMyNeverLog: { replaces: 'myNeverLog' },
  convertLead: { kinds: ['lead', 'contact', 'company', 'deal'] },
  importLeads: { kinds: ['lead', 'company'] },
  importContacts: { kinds: ['contact', 'company'] },
  followThread: { kinds: ['thread'] },
  contractRenewalQuote: { kinds: ['deal', 'quote'] },
};

type AnyRecord = { id: string } & Record<string, unknown>;

/**
 * After a record of `kind` was written: the cache gets the record as stored, and exactly what shows it is read again —
 * the kind's lists, its history, the records it references (their timelines and counters, when an activity changed),
 * and the operations made of that kind.
 */
export function afterRecordWrite(queryClient: QueryClient, kind: CrudKind, record: AnyRecord | undefined, previous?: AnyRecord) {
  if (record) queryClient.setQueryData(queryKeys.record(kind, record.id), record);
  const id = record?.id ?? previous?.id;
  void queryClient.invalidateQueries({ queryKey: queryKeys.list(kind) });
  if (id) void queryClient.invalidateQueries({ queryKey: queryKeys.history(kind, id) });
  if (id && routeTable.records[kind].timeline) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.work(kind, id) });
  }
  for (const reference of routeTable.records[kind].references) {
    const referenced = reference.kind as CrudKind;
    if (!(referenced in routeTable.records)) continue;
    for (const referencedId of new Set([...idsIn(record, reference), ...idsIn(previous, reference)])) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.record(referenced, referencedId) });
      if (routeTable.records[referenced].timeline) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(referenced, referencedId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.work(referenced, referencedId) });
      }
    }
  }
  for (const [operation, kinds] of Object.entries(readersOf)) {
    if (kinds.includes(kind)) void queryClient.invalidateQueries({ queryKey: queryKeys.operation(operation as OperationName) });
  }
}

function idsIn(record: AnyRecord | undefined, reference: { field: string; key?: string }): string[] {
  const value = record?.[reference.field];
  const values = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === null ? [] : [value];
  return values
    .map((item) => (reference.key && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[reference.key] : item))
    .filter((item): item is string => typeof item === 'string' && item !== '');
}

function afterOperationWrite(queryClient: QueryClient, name: OperationName, response: unknown) {
  const effects = writesOf[name];
  if (!effects) return;
  if (effects.replaces) queryClient.setQueryData(queryKeys.operation(effects.replaces, {}), response);
  for (const operation of effects.operations ?? []) void queryClient.invalidateQueries({ queryKey: queryKeys.operation(operation) });
  for (const kind of effects.kinds ?? []) afterRecordWrite(queryClient, kind, undefined);
}

/**
 * An idempotency key for one thing the rep creates: kept through failures, so Retry sends the same key and the API
 * answers with the first result instead of creating twice; a new one after success.
 */
export function useIdempotencyKey(): { key: () => string; renew: () => void } {
  const current = useRef<string | null>(null);
  const key = useCallback(() => (current.current ??= crypto.randomUUID()), []);
  const renew = useCallback(() => {
    current.current = null;
  }, []);
  return { key, renew };
}

/** Creating records of a kind. A failed create sent again (Retry) reuses its key. */
export function useCreateRecord<K extends CrudKind>(kind: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ input, options }: { input: CreateInput<K>; options?: CreateOptions<K> }) => api.records(kind).create(input, idempotency.key(), options),
    onSuccess: (record) => {
      idempotency.renew();
      afterRecordWrite(queryClient, kind, record as AnyRecord);
    },
  });
}

/** Changing a record at the version the rep read; a stale version fails with RECORD.STALE_VERSION and changes nothing. */
export function useChangeRecord<K extends CrudKind>(kind: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes, version }: { id: string; changes: ChangeInput<K>; version: number; previous?: RecordFor<K> }) =>
      api.records(kind).update(id, changes, version),
    onSuccess: (record, { previous }) => afterRecordWrite(queryClient, kind, record as AnyRecord, previous as AnyRecord | undefined),
  });
}

/** Deleting a record (soft: it can be restored). */
export function useRemoveRecord<K extends CrudKind>(kind: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ record }: { record: RecordFor<K> }) => api.records(kind).remove(record.id, record.version),
    onSuccess: (_, { record }) => {
      queryClient.removeQueries({ queryKey: queryKeys.record(kind, record.id) });
      afterRecordWrite(queryClient, kind, undefined, record as AnyRecord);
    },
  });
}

/**
 * Bringing back a record deleted within the restore window. `deleted` is the record as it was read before its delete:
 * a delete is a change of its own, so the deleted record is at the next version, which the restore sends in If-Match.
 */
export function useRestoreRecord<K extends CrudKind>(kind: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deleted }: { deleted: RecordFor<K> }) => api.records(kind).restore(deleted.id, deleted.version + 1),
    onSuccess: (record) => afterRecordWrite(queryClient, kind, record as AnyRecord),
  });
}

// A merge re-links at most 200 records a request and says when more are left; a duplicate with more history is merged
// by sending the same request again, up to this many times (10,000 records), before the pane gives up.
const MAX_MERGE_ROUNDS = 50;

/**
 * Merging a duplicate contact into the survivor at the version the user read: the duplicate's activities, deals and
 * cases move to the survivor and the duplicate is deleted. Sent again while the API says more is left; a retry after a
 * failure changes nothing twice.
 */
export function useMergeContacts() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ survivor, duplicate }: { survivor: RecordFor<'contact'>; duplicate: RecordFor<'contact'> }) => {
      const request = { params: { id: survivor.id }, body: { duplicateId: duplicate.id }, version: survivor.version };
      let result = await api.call('mergeContacts', request);
      // What moved in every round, not the last one's.
      const moved = { ...result.moved };
      for (let round = 1; !result.complete && round < MAX_MERGE_ROUNDS; round++) {
        result = await api.call('mergeContacts', request);
        moved.activities += result.moved.activities;
        moved.deals += result.moved.deals;
        moved.cases += result.moved.cases;
      }
      // Still not done after every round: said as a failure (sent again, it carries on where it stopped).
      if (!result.complete) throw new ApiError(0, 'TIMEOUT', 'The merge did not finish; try again to carry it on.');
      return { ...result, moved };
    },
    onSuccess: (result, { survivor, duplicate }) => {
      queryClient.removeQueries({ queryKey: queryKeys.record('contact', duplicate.id) });
      afterRecordWrite(queryClient, 'contact', result.survivor as AnyRecord, survivor as AnyRecord);
      afterRecordWrite(queryClient, 'contact', undefined, duplicate as AnyRecord);
      // What moved: the survivor's timeline and counters, and every list of activities, deals and cases.
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline('contact', survivor.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.work('contact', survivor.id) });
      for (const kind of ['activity', 'deal', 'case'] as const) afterRecordWrite(queryClient, kind, undefined);
    },
  });
}

/** An operation that writes (the pipeline, a member, a lead's conversion, an import batch). */
export function useOperationWrite<N extends OperationName>(name: N) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<OperationResponse<N>, Error, OperationRequest<N>>({
    mutationFn: (request) => api.call(name, request),
    onSuccess: (response) => afterOperationWrite(queryClient, name, response),
  });
}
