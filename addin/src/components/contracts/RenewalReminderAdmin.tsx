import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CONTRACT_RENEWAL_DAYS_MAX, DEFAULT_CONTRACT_RENEWAL_DAYS } from '@rapport/shared/contracts/contract.rules';
import { useOperation } from '../../data/queries';
import { isStale } from '../../data/versions';
import { useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  days: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// As the API takes them (tenant-settings.schema.ts).
const bounds = { min: 1, max: CONTRACT_RENEWAL_DAYS_MAX, default: DEFAULT_CONTRACT_RENEWAL_DAYS };

/** The days typed, as the API takes them, or null when they are not a whole number in range. */
function renewalDaysOf(typed: string): number | null {
  const days = Number(typed.trim());
  return /^\d+$/.test(typed.trim()) && days >= bounds.min && days <= bounds.max ? days : null;
}

/**
 * Admins: how many days before a service contract ends its owner gets the task to renew it (earlier when the
 * customer's notice is longer). Saved on the version read, like the other settings; a refused save keeps what was typed
 * until the admin loads the saved value.
 */
export function RenewalReminderAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ typed: string; version: number } | null>(null);

  const saved = settings.data ?? null;
  const typed = edit?.typed ?? String(saved?.contractRenewalDays ?? DEFAULT_CONTRACT_RENEWAL_DAYS);
  const days = renewalDaysOf(typed);
  const changed = saved !== null && edit !== null && days !== saved.contractRenewalDays;
  const submit = () => {
    if (!edit || days === null) return;
    save.mutate({ body: { contractRenewalDays: days }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields.contractRenewalDays : undefined;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('contractSettings.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t('settings.contracts')}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field
            label={t('contractSettings.renewalDays')}
            hint={days === null ? undefined : t('contractSettings.daysHint', bounds)}
            validationMessage={days === null ? t('contractSettings.invalid', bounds) : refused}
          >
            <Input
              className={styles.days}
              type="number"
              inputMode="numeric"
              min={bounds.min}
              max={bounds.max}
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
              {t('contractSettings.saved', { days: saved.contractRenewalDays })}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed || days === null}>
              {t('contractSettings.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('contractSettings.reload')}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
