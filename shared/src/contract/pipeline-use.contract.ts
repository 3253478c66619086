import { z } from 'zod';
import { defineRoute } from './route';

export const StageUseSchema = z.object({
  id: z.string(),
  /** Open deals in the stage now. */
  openDeals: z.number().int().min(0),
  /** Whether any live deal, open or closed, is in the stage: then it cannot be removed from the pipeline. */
  inUse: z.boolean(),
});
export type StageUse = z.infer<typeof StageUseSchema>;

export const PipelineUseSchema = z.object({ stages: z.array(StageUseSchema) }).meta({ id: 'PipelineUse' });
export type PipelineUse = z.infer<typeof PipelineUseSchema>;

export const pipelineUseRoute = defineRoute({
  name: 'pipeline-use',
  method: 'GET',
  path: '/api/pipeline/use',
  summary: 'How many open deals each stage of the pipeline holds, and whether any deal is in it: a stage in use cannot be removed (admins)',
  tag: 'Deal',
  auth: 'user',
  role: 'admin',
  allows: 'see which stages deals are in',
  success: { status: 200, schema: PipelineUseSchema, description: "Each stage's use, in the pipeline's order" },
});
