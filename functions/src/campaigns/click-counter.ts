import { cellKey, type ReportCell } from '@rapport/shared';
import type { Store } from '../store/store';

// Cells written at once per flush: a burst on many links does not open hundreds of writes together.
const WRITE_CONCURRENCY = 8;

/**
 * Counts tracked links' clicks into the report cells (`Store.countEvents`). With `flushMs` 0 each click is written
 * before its redirect answers. Otherwise clicks are summed in memory per cell and written every `flushMs` (one write
 * per cell however many clicks it took), and on `close`: a process that stops without closing (killed, or its host
 * recycled) loses the clicks of that last window at most, never more (README: "Tracked links"). A write that fails
 * keeps its clicks for the next flush.
 */
export class ClickCounter {
  private pending = new Map<string, { tenantId: string; cell: ReportCell }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { store: Store; flushMs: number; log?: (message: string, error: unknown) => void }) {}

  /**
   * Counts a click's cell: written now, or with the next flush. Never fails: a visitor is redirected whatever becomes
   * of the count, and a write that failed is tried again later.
   */
  async count(tenantId: string, cell: ReportCell): Promise<void> {
    if (this.deps.flushMs === 0) {
      await this.write([{ tenantId, cell }]);
      return;
    }
    try {
      this.add(tenantId, cell);
      this.flushIn(this.deps.flushMs);
    } catch (error) {
      this.deps.log?.('A click could not be counted', error);
    }
  }

  /** Writes what is summed so far; resolves once it is written (or kept again for the next flush, when a write failed). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    // One flush after another: a slow one is never overtaken by the next.
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  /** Writes what is left: the host stops. */
  close(): Promise<void> {
    return this.flush();
  }

  /** The next flush, unless one is due already; it never keeps the process alive on its own. */
  private flushIn(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), ms);
    // Node's timers can let the process end; a host whose timers are plain numbers has nothing to unref.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private add(tenantId: string, cell: ReportCell): void {
    const key = `${tenantId}\n${cell.family}\n${cellKey(cell)}`;
    const held = this.pending.get(key);
    if (!held) {
      this.pending.set(key, { tenantId, cell: { ...cell, measures: { ...cell.measures } } });
      return;
    }
    for (const [name, value] of Object.entries(cell.measures)) held.cell.measures[name] = (held.cell.measures[name] ?? 0) + value;
  }

  private async write(batch: readonly { tenantId: string; cell: ReportCell }[]): Promise<void> {
    for (let start = 0; start < batch.length; start += WRITE_CONCURRENCY) {
      await Promise.all(
        batch.slice(start, start + WRITE_CONCURRENCY).map(async ({ tenantId, cell }) => {
          try {
            await this.deps.store.countEvents(tenantId, [cell]);
          } catch (error) {
            // Kept for the next flush, cell by cell: what was written is not written twice.
            this.deps.log?.('Clicks could not be counted yet; they are kept for the next try', error);
            this.add(tenantId, cell);
            this.flushIn(Math.max(this.deps.flushMs, 1_000));
          }
        }),
      );
    }
  }
}
