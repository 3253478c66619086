import { invalidField, repeatedLanguages, templateFields, variantProblem, type CrmError, type Template } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

const knownFields = templateFields.map((field) => `{{${field}}}`).join(', ');

/** Why a template's variants cannot be filled, at the field a client shows it by; null when every one can. */
function variantsError(variants: readonly Template['variants'][number][]): CrmError | null {
  const [repeated] = repeatedLanguages(variants);
  if (repeated) return invalidField('TEMPLATE.DUPLICATE_LANGUAGE', 'variants', `The template has two variants in "${repeated}": write one per language.`);
  for (const [index, variant] of variants.entries()) {
    const problem = variantProblem(variant);
    if (!problem) continue;
    const path = `variants.${index}.${problem.part}`;
    const where = `in the ${problem.part} of the "${variant.language}" variant`;
    if (problem.problem === 'unknown-field') {
      return invalidField('TEMPLATE.UNKNOWN_FIELD', path, `{{${problem.field}}} ${where} is not a field templates can fill: use ${knownFields}, each optionally with a fallback ({{firstName|there}}).`);
    }
    return invalidField('TEMPLATE.MALFORMED_PLACEHOLDER', path, `"${problem.written}" ${where} is not a placeholder: write one as {{firstName}}, or {{firstName|there}} with a fallback.`);
  }
  return null;
}

export const templateHooks: KindHooks<'template'> = {
  prepare: (fields, { requested }) => {
    // Checked when the variants are written, so a template stored before a field was renamed still opens for an edit.
    if (requested.variants !== undefined) {
      const error = variantsError(fields.variants ?? []);
      if (error) throw error;
    }
    // Shared only by a manager's `share` action; a new template is its owner's alone.
    return { ...fields, shared: fields.shared ?? false };
  },
  actions: {
    share: (_template, body) => ({ shared: body.shared === true }),
  },
};
