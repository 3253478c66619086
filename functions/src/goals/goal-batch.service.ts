import { CrmError, goalRef, type GoalBatchResult, type GoalInput } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordWriter } from '../services/record-writer';
import type { Store } from '../store/store';

/**
 * Many goals set at once, each as the API's own create or change would: a goal for the same whom, what and period is
 * found by its reference and gets the new targets; one that cannot be set is named with the API's code, and the rest
 * go on. Sent again, a batch finds every goal as given and writes nothing.
 */
export class GoalBatchService {
  constructor(private readonly deps: { store: Store; writer: RecordWriter }) {}

  async set(principal: Principal, goals: readonly GoalInput[]): Promise<GoalBatchResult> {
    const result: GoalBatchResult = { created: 0, changed: 0, unchanged: 0, rejected: [] };
    for (const [index, input] of goals.entries()) {
      try {
        const existing = await this.deps.store.findByExternalRef('goal', principal.tenantId, goalRef(input));
        if (!existing) {
          await this.deps.writer.add('goal', principal, input);
          result.created++;
        } else if (existing.target === input.target && existing.stretch === input.stretch) {
          result.unchanged++;
        } else {
          await this.deps.writer.change('goal', principal, existing, { target: input.target, stretch: input.stretch ?? null });
          result.changed++;
        }
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        result.rejected.push({ index, code: error.code, message: error.message });
      }
    }
    return result;
  }
}
