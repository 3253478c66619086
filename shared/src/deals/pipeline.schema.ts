import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, shortText } from '../common/record.schema';

/** The id of a tenant's one pipeline record. */
export const PIPELINE_ID = 'pipeline';

export const PipelineStageSchema = z.strictObject({
  id: IdSchema,
  name: shortText(60),
  /** Percent chance a deal in this stage closes won; weighted pipeline = amount × probability. */
  probability: z.number().int().min(0).max(100),
  kind: z.enum(['open', 'won', 'lost']),
});

/** The stages in order. Ids are what deals store: renaming a stage keeps its id, so its deals stay in it. */
export const PipelineInputSchema = z
  .strictObject({ stages: z.array(PipelineStageSchema).min(3).max(30) })
  .superRefine(({ stages }, context) => {
    const problem = (message: string, index?: number) =>
      context.addIssue({ code: 'custom', message, path: index === undefined ? ['stages'] : ['stages', index] });
    const seen = new Set<string>();
    stages.forEach((stage, index) => {
      if (seen.has(stage.id)) problem(`stage id "${stage.id}" appears twice`, index);
      seen.add(stage.id);
      if (stage.kind === 'won' && stage.probability !== 100) problem(`the won stage "${stage.name}" must have probability 100`, index);
      if (stage.kind === 'lost' && stage.probability !== 0) problem(`the lost stage "${stage.name}" must have probability 0`, index);
    });
    for (const kind of ['open', 'won', 'lost'] as const) {
      if (!stages.some((stage) => stage.kind === kind)) problem(`the pipeline needs at least one ${kind} stage`);
    }
  });
export type PipelineInput = z.output<typeof PipelineInputSchema>;

export const PipelineRecordSchema = z.object({ stages: z.array(PipelineStageSchema), ...SystemFieldsSchema.shape });
export type PipelineRecord = z.infer<typeof PipelineRecordSchema>;

/** The pipeline as the API gives it: its stages and the version to send back in If-Match (0: never changed). */
export const PipelineSettingsSchema = z.object({ stages: z.array(PipelineStageSchema), version: z.number().int().min(0) }).meta({ id: 'Pipeline' });
export type PipelineSettings = z.infer<typeof PipelineSettingsSchema>;
