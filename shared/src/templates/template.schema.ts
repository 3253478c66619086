import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, TEMPLATE_SUBJECT_MAX, TEMPLATE_VARIANTS_MAX, templateLanguages } from './fill-template.rules';

/** One language's text of a template; its placeholders (`{{firstName|there}}`) are checked by the kind's hooks. */
export const TemplateVariantSchema = z.strictObject({
  language: z.enum(templateLanguages),
  subject: shortText(TEMPLATE_SUBJECT_MAX).optional(),
  /** Plain text with line breaks; the pane inserts it as HTML, escaped. */
  body: z.string().trim().min(1).max(TEMPLATE_BODY_MAX),
});

/** An e-mail template a rep writes for themselves; a manager shares it with the team (the `share` action). */
export const TemplateInputSchema = z.strictObject({
  name: shortText(TEMPLATE_NAME_MAX),
  /** One per language, each language once. */
  variants: z.array(TemplateVariantSchema).min(1).max(TEMPLATE_VARIANTS_MAX),
  ownerId: IdSchema.optional(),
});
export type TemplateInput = z.input<typeof TemplateInputSchema>;

export const TemplateSchema = z.object({
  ...TemplateInputSchema.shape,
  ...SystemFieldsSchema.shape,
  /** One of the team's templates, which every member picks from (kept by the server: false until a manager shares it). */
  shared: z.boolean(),
}).meta({ id: 'Template' });
export type Template = z.infer<typeof TemplateSchema>;

export const TemplatePatchSchema = patchSchemaOf(TemplateInputSchema);
export type TemplatePatch = z.input<typeof TemplatePatchSchema>;

export const TemplateShareSchema = z.strictObject({ shared: z.boolean() });
