export type StageKind = 'open' | 'won' | 'lost';
export type PipelineStage = { id: string; name: string; probability: number; kind: StageKind };
export type Pipeline = { stages: PipelineStage[] };

/** The pipeline a tenant starts with; admins edit it in the tenant's settings. */
export const defaultPipeline: Pipeline = {
  stages: [
    { id: 'prospecting', name: 'Prospecting', probability: 10, kind: 'open' },
    { id: 'qualification', name: 'Qualification', probability: 25, kind: 'open' },
    { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' },
    { id: 'negotiation', name: 'Negotiation', probability: 75, kind: 'open' },
    { id: 'won', name: 'Won', probability: 100, kind: 'won' },
    { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
  ],
};

export function findStage(pipeline: Pipeline, stageId: string): PipelineStage | undefined {
  return pipeline.stages.find((stage) => stage.id === stageId);
}
