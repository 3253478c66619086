import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { MAX_FILE_MB_CEILING, defaultDocumentLimits, type DocumentLimits } from '@rapport/shared/documents/document-limits.rules';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { QueryState } from './QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  number: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// As the API takes them (tenant-settings.schema.ts): a file up to the ceiling one request may carry, an e-mail's
// attachments up to ten times that.
const bounds: Record<keyof DocumentLimits, { min: number; max: number }> = {
  maxFileMb: { min: 1, max: MAX_FILE_MB_CEILING },
  maxMessageMb: { min: 1, max: 10 * MAX_FILE_MB_CEILING },
};
const fields = ['maxFileMb', 'maxMessageMb'] as const;

/** The megabytes typed, or null when they are not a whole number in the field's range. */
function megabytesOf(typed: string, field: keyof DocumentLimits): number | null {
  const value = Number(typed.trim());
  const { min, max } = bounds[field];
  return typed.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * Admins: how large a file Rapport keeps (uploads and e-mail attachments) and how much of one e-mail's attachments.
 * Saved on the version read, like the other settings; a refused save keeps what was typed until the admin loads the
 * saved values.
 */
export function DocumentLimitsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ typed: Record<keyof DocumentLimits, string>; version: number } | null>(null);

  const saved = settings.data ?? null;
  const current = saved?.documentLimits ?? defaultDocumentLimits;
  const typed = edit?.typed ?? { maxFileMb: String(current.maxFileMb), maxMessageMb: String(current.maxMessageMb) };
  const limits = { maxFileMb: megabytesOf(typed.maxFileMb, 'maxFileMb'), maxMessageMb: megabytesOf(typed.maxMessageMb, 'maxMessageMb') };
  const valid = limits.maxFileMb !== null && limits.maxMessageMb !== null;
  const changed = saved !== null && edit !== null && (limits.maxFileMb !== current.maxFileMb || limits.maxMessageMb !== current.maxMessageMb);
  const submit = () => {
    if (!edit || limits.maxFileMb === null || limits.maxMessageMb === null) return;
    save.mutate({ body: { documentLimits: { maxFileMb: limits.maxFileMb, maxMessageMb: limits.maxMessageMb } }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields : {};

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('documentLimits.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t('settings.documents')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {fields.map((field) => (
            <Field
              key={field}
              label={t(`documentLimits.${field}`)}
              hint={limits[field] === null ? undefined : t('documentLimits.hint', bounds[field])}
              validationMessage={limits[field] === null ? t('documentLimits.invalid', bounds[field]) : refused[`documentLimits.${field}`]}
            >
              <Input
                className={styles.number}
                type="number"
                inputMode="numeric"
                min={bounds[field].min}
                max={bounds[field].max}
                value={typed[field]}
                onChange={(_, data) => {
                  save.reset();
                  setEdit({ typed: { ...typed, [field]: data.value }, version: edit?.version ?? saved.version });
                }}
              />
            </Field>
          ))}
          {save.isError ? <ErrorMessage error={save.error} onRetry={submit} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t('documentLimits.saved', { file: current.maxFileMb, message: current.maxMessageMb })}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed || !valid}>
              {t('documentLimits.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('documentLimits.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
