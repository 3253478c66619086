import { useState } from 'react';
import { placeholderOf, templateLanguages, variantProblem, type PlaceholderProblem, type TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useI18n } from '../../i18n/I18nContext';

/** One language's text as typed. */
export type VariantDraft = { language: TemplateLanguage; subject: string; body: string };
export type TemplateDraft = { name: string; variants: VariantDraft[] };

/** What each field needs before anything is sent, in the rep's language: the name, and per variant its subject and body. */
export type DraftProblems = { name?: string; variants: { subject?: string; body?: string }[] };

/** The template as the API takes it: trimmed, an empty subject left out. */
export type TemplateFields = { name: string; variants: { language: TemplateLanguage; subject?: string; body: string }[] };

function draftOf(base: Template | null, language: TemplateLanguage): TemplateDraft {
  if (!base) return { name: '', variants: [{ language, subject: '', body: '' }] };
  return { name: base.name, variants: base.variants.map((variant) => ({ language: variant.language, subject: variant.subject ?? '', body: variant.body })) };
}

function fieldsOf(draft: TemplateDraft): TemplateFields {
  return {
    name: draft.name.trim(),
    variants: draft.variants.map(({ language, subject, body }) => ({ language, ...(subject.trim() ? { subject: subject.trim() } : {}), body: body.trim() })),
  };
}

/**
 * A template being written or changed: its name and one text per language, which of them is shown, what each field
 * needs (its placeholders read by the same rules as the API's), and what changed from `base`, the template as the form
 * opened on it.
 */
export function useTemplateDraft(base: Template | null, language: TemplateLanguage) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(base, language));
  // The text in the rep's language comes first when the template has one.
  const [active, setActive] = useState(() => Math.max(0, draft.variants.findIndex((variant) => variant.language === language)));

  const placeholderText = (problem: PlaceholderProblem) =>
    problem.problem === 'unknown-field'
      ? t('templates.problem.unknownField', { placeholder: `{{${problem.field}}}` })
      : t('templates.problem.malformed', { written: problem.written, example: placeholderOf('firstName') });
  const problems: DraftProblems = {
    ...(draft.name.trim() === '' ? { name: t('templates.problem.name') } : {}),
    variants: draft.variants.map((variant) => {
      const problem = variantProblem(variant);
      return {
        ...(problem ? { [problem.part]: placeholderText(problem) } : {}),
        ...(variant.body.trim() === '' ? { body: t('templates.problem.body') } : {}),
      };
    }),
  };
  const firstInvalid = problems.variants.findIndex((variant) => Object.keys(variant).length > 0);
  const fields = fieldsOf(draft);
  const original = base ? fieldsOf(draftOf(base, language)) : null;
  const changes: Partial<TemplateFields> = {
    ...(fields.name !== original?.name ? { name: fields.name } : {}),
    ...(JSON.stringify(fields.variants) !== JSON.stringify(original?.variants) ? { variants: fields.variants } : {}),
  };
  const used = new Set(draft.variants.map((variant) => variant.language));

  return {
    draft,
    active: Math.min(active, draft.variants.length - 1),
    setActive,
    editName: (name: string) => setDraft((current) => ({ ...current, name })),
    editVariant: (index: number, patch: Partial<VariantDraft>) =>
      setDraft((current) => ({ ...current, variants: current.variants.map((variant, at) => (at === index ? { ...variant, ...patch } : variant)) })),
    /** Languages the template is not written in yet. */
    unusedLanguages: templateLanguages.filter((candidate) => !used.has(candidate)),
    addLanguage: (added: TemplateLanguage) => {
      setDraft((current) => ({ ...current, variants: [...current.variants, { language: added, subject: '', body: '' }] }));
      setActive(draft.variants.length);
    },
    removeVariant: (index: number) => {
      setDraft((current) => ({ ...current, variants: current.variants.filter((_, at) => at !== index) }));
      setActive(0);
    },
    problems,
    valid: problems.name === undefined && firstInvalid === -1,
    /** The first variant with a problem, to show when the rep saves; -1 when none has. */
    firstInvalid,
    fields,
    changes,
  };
}
