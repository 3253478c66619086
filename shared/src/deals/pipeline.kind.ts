import { defineKind } from '../kinds/kind-definition';
import { PipelineRecordSchema } from './pipeline.schema';

/** One per tenant (id `pipeline`), kept through /api/pipeline. */
export const pipelineKind = defineKind(PipelineRecordSchema, {
  plural: 'pipelines',
  label: 'Pipeline',
  references: [],
  timeline: false,
  schemaVersion: 1,
});
