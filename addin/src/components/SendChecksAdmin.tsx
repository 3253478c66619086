import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_STALE_DEAL_DAYS, STALE_DEAL_DAYS_MAX, STALE_DEAL_DAYS_MIN } from '@rapport/shared/send-checks/send-check.rules';
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
  days: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const bounds = { min: STALE_DEAL_DAYS_MIN, max: STALE_DEAL_DAYS_MAX, default: DEFAULT_STALE_DEAL_DAYS };

/** The days typed, as the API takes them, or null when they are not a whole number in range. */
function daysOf(typed: string): number | null {
  const days = Number(typed.trim());
  return typed.trim() !== '' && Number.isInteger(days) && days >= STALE_DEAL_DAYS_MIN && days <= STALE_DEAL_DAYS_MAX ? days : null;
}

/**
 * Admins: what Outlook's send-time checks count as a deal gone quiet (days without activity). Saved on the version read,
 * like the other settings; a refused save keeps what was typed until the admin loads the saved value.
 */
export function SendChecksAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ typed: string; version: number } | null>(null);

  const saved = settings.data ?? null;
  const typed = edit?.typed ?? String(saved?.staleDealDays ?? DEFAULT_STALE_DEAL_DAYS);
  const days = daysOf(typed);
  const changed = saved !== null && edit !== null && days !== saved.staleDealDays;
  const submit = () => {
    if (!edit || days === null) return;
    save.mutate({ body: { staleDealDays: days }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields.staleDealDays : undefined;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('sendChecks.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t('settings.sendChecks')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field
            label={t('sendChecks.staleDealDays')}
            hint={days === null ? undefined : t('sendChecks.daysHint', bounds)}
            validationMessage={days === null ? t('sendChecks.invalid', bounds) : refused}
          >
            <Input
              className={styles.days}
              type="number"
              inputMode="numeric"
              min={STALE_DEAL_DAYS_MIN}
              max={STALE_DEAL_DAYS_MAX}
              value={typed}
              onChange={(_, data) => {
                save.reset();
                setEdit({ typed: data.value, version: edit?.version ?? saved.version });
              }}
            />
          </Field>
          {save.isError ? <ErrorMessage error={save.error} onRetry={submit} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t('sendChecks.saved', { days: saved.staleDealDays })}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed || days === null}>
              {t('sendChecks.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('sendChecks.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
