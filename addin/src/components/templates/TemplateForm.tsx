import { useRef, useState } from 'react';
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, TEMPLATE_SUBJECT_MAX, languageOfTag, type TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useChangeRecord, useCreateRecord } from '../../data/writes';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { adminFormStyles } from '../admin-form.styles';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { insertAtCursor, PlaceholderButtons } from './PlaceholderButtons';
import { languageKeys } from './template-labels';
import { useTemplateDraft } from './useTemplateDraft';

const useStyles = makeStyles({
  ...adminFormStyles,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  languages: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  body: { minHeight: '160px' },
});

export type TemplateFormProps = {
  /** The template to change; a new one when null. */
  template: Template | null;
  /** The rep's display language: a new template's first language. */
  language: string;
  onSaved: (template: Template) => void;
  onClose: () => void;
  /** Reads the template again (after a refusal because someone changed it first). */
  onReload: () => Promise<unknown>;
};

/**
 * A template written or changed: its name, and per language a subject and a text, with buttons that put a field's
 * placeholder at the cursor. Placeholders are checked as the API checks them before anything is sent; a change is
 * saved at the version the rep read, only the fields changed.
 */
export function TemplateForm({ template, language, onSaved, onClose, onReload }: TemplateFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const { ref, onKeyDown } = useFormFocus(onClose);
  // The template as the form opened on it: only what the rep changed from it is sent, so a reload keeps others' changes.
  const [base] = useState(template);
  const draft = useTemplateDraft(base, languageOfTag(language));
  const create = useCreateRecord('template');
  const change = useChangeRecord('template');
  const write = base ? change : create;
  const [tried, setTried] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');

  const index = draft.active;
  const variant = draft.draft.variants[index];
  const apiFields = write.error ? errorText(write.error).fields : {};
  const problemAt = (path: string, own: string | undefined) => (tried ? own : undefined) ?? apiFields[path];
  const onField = Object.keys(apiFields).some((path) => path === 'name' || path.startsWith('variants'));

  // A text the API refused is shown: the language it is in comes forward.
  const showRefused = (error: unknown) => {
    const path = Object.keys(errorText(error).fields).find((field) => /^variants\.\d+\./.test(field));
    if (path) draft.setActive(Number(path.split('.')[1]));
  };
  const save = (version?: number) => {
    if (base && template) change.mutate({ id: base.id, changes: draft.changes, version: version ?? template.version, previous: template }, { onSuccess: onSaved, onError: showRefused });
    else create.mutate({ input: draft.fields }, { onSuccess: onSaved, onError: showRefused });
  };
  const insertPlaceholder = (placeholder: string) => {
    if (!variant) return;
    if (lastField.current === 'subject') insertAtCursor(subjectRef.current, variant.subject, placeholder, (subject) => draft.editVariant(index, { subject }));
    else insertAtCursor(bodyRef.current, variant.body, placeholder, (body) => draft.editVariant(index, { body }));
  };
  const languageName = (code: TemplateLanguage) => t(languageKeys[code]);

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={base ? t('templates.editHeading', { name: base.name }) : t('templates.newHeading')}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        // The language with a problem is shown, so the rep sees what to fix.
        if (draft.firstInvalid !== -1) draft.setActive(draft.firstInvalid);
        if (!draft.valid || write.isPending) return;
        if (base && Object.keys(draft.changes).length === 0) onClose();
        else save();
      }}
    >
      <h3 className={styles.heading}>{base ? t('templates.editHeading', { name: base.name }) : t('templates.newHeading')}</h3>
      <Field label={t('templates.name')} required validationMessage={problemAt('name', draft.problems.name)} hint={t('templates.nameHint')}>
        <Input value={draft.draft.name} maxLength={TEMPLATE_NAME_MAX} onChange={(_, data) => draft.editName(data.value)} />
      </Field>
      {draft.draft.variants.length > 1 ? (
        <div className={styles.languages} role="group" aria-label={t('templates.languages')}>
          {draft.draft.variants.map((candidate, at) => (
            // Pressed buttons rather than Fluent's ToggleButton, whose styles would join the first card's JavaScript.
            <Button key={candidate.language} size="small" appearance={at === index ? 'primary' : 'secondary'} aria-pressed={at === index} onClick={() => draft.setActive(at)}>
              {languageName(candidate.language)}
            </Button>
          ))}
        </div>
      ) : null}
      {variant ? (
        <>
          <Field label={t('templates.language')} validationMessage={apiFields.variants}>
            <Select value={variant.language} onChange={(_, data) => draft.editVariant(index, { language: data.value as TemplateLanguage })}>
              {[variant.language, ...draft.unusedLanguages].map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('templates.subject')} validationMessage={problemAt(`variants.${index}.subject`, draft.problems.variants[index]?.subject)}>
            <Input
              ref={subjectRef}
              value={variant.subject}
              maxLength={TEMPLATE_SUBJECT_MAX}
              onFocus={() => (lastField.current = 'subject')}
              onChange={(_, data) => draft.editVariant(index, { subject: data.value })}
            />
          </Field>
          <Field label={t('templates.body')} required validationMessage={problemAt(`variants.${index}.body`, draft.problems.variants[index]?.body)}>
            <Textarea
              ref={bodyRef}
              className={styles.body}
              resize="vertical"
              value={variant.body}
              maxLength={TEMPLATE_BODY_MAX}
              onFocus={() => (lastField.current = 'body')}
              onChange={(_, data) => draft.editVariant(index, { body: data.value })}
            />
          </Field>
          <PlaceholderButtons onInsert={insertPlaceholder} />
          <div className={styles.actions}>
            {draft.unusedLanguages.length > 0 ? (
              <Select
                aria-label={t('templates.addLanguage')}
                value=""
                onChange={(_, data) => {
                  if (data.value) draft.addLanguage(data.value as TemplateLanguage);
                }}
              >
                <option value="">{t('templates.addLanguage')}</option>
                {draft.unusedLanguages.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code)}
                  </option>
                ))}
              </Select>
            ) : null}
            {draft.draft.variants.length > 1 ? (
              <Button size="small" icon={<DeleteRegular />} onClick={() => draft.removeVariant(index)}>
                {t('templates.removeLanguage', { language: languageName(variant.language) })}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {write.error && !onField ? (
        base ? (
          <ChangeError
            error={write.error}
            onRetry={() => save()}
            onReload={() => {
              // The template as it is now; what the rep typed stays, to save again at the new version.
              change.reset();
              void onReload();
            }}
            onApplyAgain={save}
            myFields={Object.keys(draft.changes)}
          />
        ) : (
          <ErrorMessage error={write.error} onRetry={() => save()} />
        )
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={write.isPending}>
          {base ? t('templates.save') : t('templates.create')}
        </Button>
        <Button onClick={onClose}>{t('templates.cancel')}</Button>
      </div>
    </form>
  );
}
