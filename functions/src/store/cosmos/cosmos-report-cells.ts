import type { Container } from '@azure/cosmos';
import { readItem, statusOf } from './cosmos-read';
import { cellKey, isEmptyCell, sumDeltas, type ReportCell, type ReportFamily } from '@rapport/shared';
import { cellDimNames, type CellDims, type MonthRange } from '../store';
import { reportPartition, safeId } from './cosmos-layout';

/**
 * Report cells on Cosmos DB, kept exactly once without transactions across partitions (README.md, "Report cells").
 *
 * A write puts its cells' deltas in the record document itself (`pendingReport`), so the change and what it owes the
 * reports are one write. The deltas are then added to each cell under `IfMatch`; a cell remembers the last changes it
 * took (`recent`), so a change added twice (a retry, a recovery racing the writer) counts once. Last, the record's
 * `pendingReport` is cleared. A crash before that leaves the record pending: `filePending` finds such records and
 * completes them, and runs before a report is read and before the record is written again.
 */

/** What a change owes the report cells, kept in its record until it is filed. */
export type PendingReport = { changeId: string; cells: ReportCell[] };

type CellDoc = {
  id: string;
  pk: string;
  tenantId: string;
  entry: 'report-cell';
  family: ReportFamily;
  month: string;
  current: boolean;
  dims: Record<string, string>;
  measures: Record<string, number>;
  /** The last changes added to this cell, oldest first. */
  recent: string[];
  _etag?: string;
};

type PendingDoc = { id: string; pk: string; _etag?: string; pendingReport: PendingReport } & Record<string, unknown>;

const cellOfDoc = (doc: CellDoc): ReportCell => ({ family: doc.family, month: doc.month, current: doc.current, dims: doc.dims, measures: doc.measures });

/** How many changes a cell remembers: a crashed change must be recovered before this many others reach its cell. */
export const RECENT_CHANGES = 100;
const MAX_ATTEMPTS = 50;
const CELL_CONCURRENCY = 8;

export class CosmosReportCells {
  constructor(
    private readonly records: Container,
    private readonly index: Container,
  ) {}

  /** Adds one change's deltas to their cells, each at most once. */
  async add(tenantId: string, changeId: string, deltas: readonly ReportCell[]): Promise<void> {
    for (let start = 0; start < deltas.length; start += CELL_CONCURRENCY) {
      await Promise.all(deltas.slice(start, start + CELL_CONCURRENCY).map((delta) => this.addToCell(tenantId, changeId, delta)));
    }
  }

  /**
   * Adds events (a tracked link's clicks) to their cells: each under `IfMatch`, read again and retried when another
   * writer got there first, so concurrent instances lose none. No change id is remembered: an event has no record that
   * a recovery could file twice, and the cell's `recent` list stays for the changes of records.
   */
  async addEvents(tenantId: string, deltas: readonly ReportCell[]): Promise<void> {
    for (let start = 0; start < deltas.length; start += CELL_CONCURRENCY) {
      await Promise.all(deltas.slice(start, start + CELL_CONCURRENCY).map((delta) => this.addToCell(tenantId, null, delta)));
    }
  }

  /** Clears a filed change from its record, unless a newer write has replaced the record since (it filed it first). */
  async clearPending(doc: { id: string; pk: string; _etag?: string | undefined } & Record<string, unknown>): Promise<void> {
    const { pendingReport: _pending, _rid, _self, _attachments, _ts, _etag, ...rest } = doc;
    try {
      await this.records.item(doc.id, doc.pk).replace(rest, { accessCondition: { type: 'IfMatch', condition: _etag ?? '' } });
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }

  /** Completes every change of the tenant left pending by a crash: adds what each owes, then clears it. */
  async filePending(tenantId: string): Promise<number> {
    const { resources } = await this.records.items
      .query<PendingDoc>({
        query: 'SELECT * FROM c WHERE c.tenantId = @tenant AND IS_DEFINED(c.pendingReport)',
        parameters: [{ name: '@tenant', value: tenantId }],
      })
      .fetchAll();
    // A batch of an import shares one change id: its records' cells are added together, as they were meant to be.
    const byChange = new Map<string, PendingDoc[]>();
    for (const doc of resources) byChange.set(doc.pendingReport.changeId, [...(byChange.get(doc.pendingReport.changeId) ?? []), doc]);
    for (const [changeId, docs] of byChange) {
      await this.add(tenantId, changeId, sumDeltas(docs.flatMap((doc) => doc.pendingReport.cells)));
      for (const doc of docs) await this.clearPending(doc);
    }
    return resources.length;
  }

  async read(tenantId: string, family: ReportFamily, months: MonthRange, dims?: CellDims): Promise<ReportCell[]> {
    const pk = reportPartition(tenantId, family);
    const names = cellDimNames(dims);
    const { resources } = await this.index.items
      .query<CellDoc>(
        {
          query: `SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'report-cell' AND (c.current = true OR (c.month >= @from AND c.month <= @to))${names.map((name, index) => ` AND c.dims["${name}"] = @dim${index}`).join('')}`,
          parameters: [
            { name: '@pk', value: pk },
            { name: '@tenant', value: tenantId },
            { name: '@from', value: months.from },
            { name: '@to', value: months.to },
            ...names.map((name, index) => ({ name: `@dim${index}`, value: dims?.[name] ?? '' })),
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    return resources
      .filter((doc) => !isEmptyCell({ measures: doc.measures }))
      .map(cellOfDoc);
  }

  async countingAtLeast(tenantId: string, family: ReportFamily, min: number, limit: number): Promise<ReportCell[]> {
    const pk = reportPartition(tenantId, family);
    const { resources } = await this.index.items
      .query<CellDoc>(
        {
          query: "SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'report-cell' AND c.measures['count'] >= @min",
          parameters: [
            { name: '@pk', value: pk },
            { name: '@tenant', value: tenantId },
            { name: '@min', value: min },
            { name: '@limit', value: limit },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    return resources.map(cellOfDoc);
  }

  /** Adds a delta to its cell: a record's change once (by `changeId`), or events (`null`) every time. */
  private async addToCell(tenantId: string, changeId: string | null, delta: ReportCell): Promise<void> {
    const pk = reportPartition(tenantId, delta.family);
    const id = safeId(cellKey(delta));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const doc = await readItem<CellDoc>(this.index, id, pk);
      if (changeId !== null && doc?.recent.includes(changeId)) return;
      try {
        if (!doc) {
          const created: CellDoc = { id, pk, tenantId, entry: 'report-cell', family: delta.family, month: delta.month, current: delta.current, dims: delta.dims, measures: delta.measures, recent: changeId === null ? [] : [changeId] };
          await this.index.items.create(created);
          return;
        }
        const measures = { ...doc.measures };
        for (const [name, value] of Object.entries(delta.measures)) measures[name] = (measures[name] ?? 0) + value;
        // An emptied cell stays (with zeros), so that it keeps remembering the changes it took.
        const next: CellDoc = { ...doc, measures, recent: changeId === null ? doc.recent : [...doc.recent, changeId].slice(-RECENT_CHANGES) };
        await this.index.item(id, pk).replace(next, { accessCondition: { type: 'IfMatch', condition: doc._etag ?? '' } });
        return;
      } catch (error) {
        // Another writer got there first (a create or a newer version): read again and retry.
        if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
      }
    }
    throw new Error(`report cell ${id}: too many concurrent writers`);
  }
}
