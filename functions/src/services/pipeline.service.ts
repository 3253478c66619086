import { CrmError, PIPELINE_ID, defaultPipeline, staleVersion, type Pipeline, type PipelineInput, type PipelineSettings, type PipelineUse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import { RecordWriter } from './record-writer';
import { saveTenantRecord } from './tenant-record';

// The current cells only: a range no month falls in.
const NO_MONTHS = { from: '9999-12', to: '0000-01' };

/** The tenant's deal stages: the default until an admin changes them, then the tenant's own. */
export class PipelineService {
  private readonly writer: RecordWriter;

  constructor(private readonly deps: { store: Store; now: () => Date }) {
    this.writer = new RecordWriter(deps);
  }

  async pipelineOf(tenantId: string): Promise<Pipeline> {
    return (await this.settings(tenantId)).pipeline;
  }

  async get(principal: Principal): Promise<PipelineSettings> {
    const { pipeline, version } = await this.settings(principal.tenantId);
    return { stages: pipeline.stages, version };
  }

  /**
   * Each stage's open deals, from the report cells kept with every write (one bounded read, whatever the tenant's
   * history), and whether any deal is in it: a stage without open deals may still hold closed ones.
   */
  async use(principal: Principal): Promise<PipelineUse> {
    const { store } = this.deps;
    const { pipeline } = await this.settings(principal.tenantId);
    const cells = await store.reportCells(principal.tenantId, 'deal', NO_MONTHS);
    const open = new Map<string, number>();
    for (const cell of cells) {
      const stage = cell.dims.stage;
      if (!cell.current || cell.dims.status !== 'open' || cell.dims.product !== '*' || stage === undefined) continue;
      open.set(stage, (open.get(stage) ?? 0) + (cell.measures.count ?? 0));
    }
    const stages = await Promise.all(
      pipeline.stages.map(async (stage) => {
        const openDeals = open.get(stage.id) ?? 0;
        return { id: stage.id, openDeals, inUse: openDeals > 0 || (await store.hasDealsInStage(principal.tenantId, stage.id)) };
      }),
    );
    return { stages };
  }

  /** Replaces the stages, from the version read (0 for the default). A stage that deals are in must stay. */
  async update(principal: Principal, input: PipelineInput, expectedVersion: number): Promise<PipelineSettings> {
    const { store } = this.deps;
    const { pipeline, version, record } = await this.settings(principal.tenantId);
    if (version !== expectedVersion) throw staleVersion('pipeline', PIPELINE_ID, version, { stages: pipeline.stages, version });
    const kept = new Set(input.stages.map((stage) => stage.id));
    for (const stage of pipeline.stages) {
      if (kept.has(stage.id) || !(await store.hasDealsInStage(principal.tenantId, stage.id))) continue;
      throw new CrmError(
        'conflict',
        'PIPELINE.STAGE_IN_USE',
        `Deals are in the stage "${stage.name}": move them to another stage first, or keep the stage (you can rename it).`,
        { stageId: stage.id },
      );
    }
    const saved = await saveTenantRecord(this.writer, 'pipeline', PIPELINE_ID, principal, record, { stages: input.stages }, expectedVersion, (current) => ({
      stages: current.stages,
      version: current.version,
    }));
    return { stages: saved.stages, version: saved.version };
  }

  private async settings(tenantId: string) {
    const record = await this.deps.store.get('pipeline', tenantId, PIPELINE_ID);
    return { pipeline: record ? { stages: record.stages } : defaultPipeline, version: record?.version ?? 0, record };
  }
}
