import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Body1, Button, Caption1, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { fieldsUsed, fillTemplate, placeholderOf, variantFor, type TemplateField, type TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useI18n } from '../../i18n/I18nContext';
import { Notice } from '../Notice';
import type { FilledForInsert, InsertTemplateProps } from './InsertTemplate.types';
import { languageKeys, missingKeys } from './template-labels';
import { useFreeTimes } from './useFreeTimes';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // The message as it will read: its own lines kept, long words broken, never wider than the pane.
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
});

export type TemplatePreviewProps = Omit<InsertTemplateProps, 'language'> & {
  template: Template;
  /** The rep's display language: the variant shown first. */
  displayLanguage: string;
  /** The rep's name as the API knows it: `{{me}}` when the message gives none. */
  myName: string | undefined;
};

/**
 * A template filled for this recipient, in the language chosen (a switch when it has several): what stays empty is
 * said before anything is inserted, free times are asked only when it uses them, and Insert puts it in the message.
 */
export function TemplatePreview({ template, values, freeTimes, insert, displayLanguage, myName }: TemplatePreviewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [chosen, setChosen] = useState<TemplateLanguage | null>(null);
  const variant = template.variants.find((candidate) => candidate.language === chosen) ?? variantFor(template, [displayLanguage]);
  const usesTimes = variant ? fieldsUsed(variant).includes('freeTimes') : false;
  const times = useFreeTimes(freeTimes, variant?.language ?? 'en', usesTimes && values.freeTimes === undefined);
  const inserting = useMutation({ mutationFn: (filled: FilledForInsert) => insert(filled) });
  if (!variant) return null;

  const filled = fillTemplate(variant, { ...(myName ? { me: myName } : {}), ...values, ...(times.data !== undefined ? { freeTimes: times.data } : {}) });
  // Until the free times are read, the preview would say they are missing: it waits instead. When they could not be
  // read, the failure says so (with Retry), not the list of empty fields too.
  const waitingForTimes = !times.skipped && times.isPending;
  const missing = waitingForTimes || times.isError ? filled.missing.filter((field) => field !== 'freeTimes') : filled.missing;
  const send = () => {
    inserting.reset();
    inserting.mutate({ html: filled.html, text: filled.text, ...(filled.subject === undefined ? {} : { subject: filled.subject }) });
  };

  return (
    <div className={styles.view}>
      {template.variants.length > 1 ? (
        <Field label={t('templates.language')}>
          <Select
            value={variant.language}
            onChange={(_, data) => {
              inserting.reset();
              setChosen(data.value as TemplateLanguage);
            }}
          >
            {template.variants.map((candidate) => (
              <option key={candidate.language} value={candidate.language}>
                {t(languageKeys[candidate.language])}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Caption1 className={styles.meta}>{t(languageKeys[variant.language])}</Caption1>
      )}
      {waitingForTimes ? <Spinner size="tiny" label={t('templates.findingTimes')} /> : null}
      {times.isError ? (
        <Notice
          intent="warning"
          title={t('templates.timesFailed')}
          actions={
            <Button size="small" onClick={() => void times.refetch()}>
              {t('app.retry')}
            </Button>
          }
        >
          {t('templates.timesFailedHelp', { placeholder: placeholderOf('freeTimes') })}
        </Notice>
      ) : null}
      {missing.length > 0 ? <MissingFields fields={missing} /> : null}
      <section className={styles.preview} aria-label={t('templates.preview')}>
        {filled.subject ? <Body1 className={styles.subject}>{t('templates.subjectIs', { subject: filled.subject })}</Body1> : null}
        <Body1 className={styles.body}>{filled.text}</Body1>
      </section>
      <div className={styles.actions}>
        {/* Focusable while inserting: the keyboard stays where it was, not on the page's body. */}
        <Button appearance="primary" disabledFocusable={waitingForTimes || inserting.isPending} onClick={send}>
          {inserting.isPending ? t('templates.inserting') : t('templates.insert')}
        </Button>
      </div>
      {inserting.isSuccess ? (
        <Notice intent="success">
          {/* A reply keeps its "Re:" subject: say so, rather than let the preview's subject suggest otherwise. */}
          {filled.subject && inserting.data?.subjectSet === false ? t('templates.insertedSubjectKept') : t('templates.inserted')}
        </Notice>
      ) : null}
      {inserting.isError ? (
        <Notice
          intent="error"
          title={t('templates.insertFailed')}
          actions={
            <Button size="small" onClick={send}>
              {t('app.retry')}
            </Button>
          }
        >
          {t('templates.insertFailedHelp')}
        </Notice>
      ) : null}
    </div>
  );
}

/** The fields this recipient has no value for, each said plainly with the placeholder that stays empty. */
function MissingFields({ fields }: { fields: TemplateField[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Notice intent="warning" title={t('templates.missingTitle')}>
      <ul className={styles.missing}>
        {fields.map((field) => (
          <li key={field}>{t(missingKeys[field], { placeholder: placeholderOf(field) })}</li>
        ))}
      </ul>
    </Notice>
  );
}
