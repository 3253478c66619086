import { CrmError, type RecordKind } from '@rapport/shared';
import type { Principal } from '../../functions/src/auth/principal';
import type { RecordOf, Store } from '../../functions/src/store/store';
import type { PipelineService } from '../../functions/src/services/pipeline.service';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { planMavenImport, type ImportFault, type MavenFiles } from './maven.rules';

/** Records read from the files; created by this run; there from an earlier run; deleted since one (and left so). */
export type ImportedCounts = { inFile: number; created: number; alreadyThere: number; deleted: number };

export type MavenImportResult = {
  companies: ImportedCounts;
  products: ImportedCounts;
  members: ImportedCounts;
  territories: ImportedCounts;
  deals: ImportedCounts;
  /** Deals read per stage id, whether created now or already there. */
  dealsByStage: Record<string, number>;
  stagesAdded: string[];
  rejectedRows: number;
  faults: ImportFault[];
};

// Ids read per round when looking for what an earlier import already made.
const EXISTING_CHUNK = 500;

/**
 * Imports the Maven CRM sample into the caller's tenant. What an earlier run made is found by id and left
 * as it is, so a second run creates nothing.
 */
export class MavenImportService {
  constructor(private readonly deps: { store: Store; pipelines: PipelineService; now: () => Date }) {}

  async run(principal: Principal, files: MavenFiles): Promise<MavenImportResult> {
    const { pipelines } = this.deps;
    const settings = await pipelines.get(principal);
    const plan = planMavenImport(files, {
      tenantId: principal.tenantId,
      actorId: principal.userId,
      now: this.deps.now().toISOString(),
      pipeline: { stages: settings.stages },
    });
    const stagesAdded: string[] = [];
    if (plan.pipeline) {
      const known = new Set(settings.stages.map((stage) => stage.id));
      stagesAdded.push(...plan.pipeline.stages.filter((stage) => !known.has(stage.id)).map((stage) => stage.name));
      await pipelines.update(principal, { stages: plan.pipeline.stages }, settings.version);
    }
    const dealsByStage: Record<string, number> = {};
    for (const deal of plan.deals) dealsByStage[deal.stage] = (dealsByStage[deal.stage] ?? 0) + 1;
    return {
      products: await this.writeMissing('product', principal.tenantId, plan.products),
      members: await this.writeMissing('member', principal.tenantId, plan.members),
      territories: await this.writeMissing('territory', principal.tenantId, plan.territories),
      companies: await this.writeMissing('company', principal.tenantId, plan.companies),
      deals: await this.writeMissing('deal', principal.tenantId, plan.deals),
      dealsByStage,
      stagesAdded,
      rejectedRows: plan.rejected,
      faults: plan.faults,
    };
  }

  private async writeMissing<K extends RecordKind>(kind: K, tenantId: string, records: RecordOf[K][]): Promise<ImportedCounts> {
    const { store } = this.deps;
    const existing = new Set<string>();
    for (let start = 0; start < records.length; start += EXISTING_CHUNK) {
      const ids = records.slice(start, start + EXISTING_CHUNK).map((record) => record.id);
      for (const found of await store.getMany(kind, tenantId, ids)) existing.add(found.id);
    }
    const missing = records.filter((record) => !existing.has(record.id));
    try {
      await new RecordWriter(this.deps).addMany(kind, missing);
      return { inFile: records.length, created: missing.length, alreadyThere: existing.size, deleted: 0 };
    } catch (error) {
      if (!(error instanceof CrmError && error.code === 'RECORD.ALREADY_EXISTS')) throw error;
    }
    // Someone deleted a record an earlier import made: the deletion stands. Everything else not there
    // before is this run's (the failed round may have written some of it).
    let deleted = 0;
    const left: RecordOf[K][] = [];
    for (const record of missing) {
      if (await store.getDeleted(kind, tenantId, record.id)) deleted++;
      else if (!(await store.get(kind, tenantId, record.id))) left.push(record);
    }
    await new RecordWriter(this.deps).addMany(kind, left);
    return { inFile: records.length, created: missing.length - deleted, alreadyThere: existing.size, deleted };
  }
}
