import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useOperation } from '../data/queries';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { QueryState } from './QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  days: { maxWidth: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The days typed, as the API takes them: a whole number within the bounds, else null. */
export function wholeDaysIn(typed: string, bounds: { min: number; max: number }): number | null {
  const days = Number(typed.trim());
  return /^\d+$/.test(typed.trim()) && days >= bounds.min && days <= bounds.max ? days : null;
}

/** A tenant setting that is a number of days. */
export type DaysSetting = 'staleDealDays' | 'contractRenewalDays';

export type DaysSettingAdminProps = {
  setting: DaysSetting;
  /** As the API takes them (tenant-settings.schema.ts). */
  bounds: { min: number; max: number; default: number };
  /** The days typed, as the API takes them, or null when they are not. */
  parse: (typed: string) => number | null;
  /** The form's words: its help, name, field label and hint, the invalid and saved messages, its buttons. */
  words: Record<'help' | 'form' | 'label' | 'hint' | 'invalid' | 'saved' | 'save' | 'reload', MessageKey>;
};

/**
 * Admins: a setting of some days (send-time checks' quiet deals, contracts' renewal reminders). Saved on the version
 * read, like the other settings; a refused save keeps what was typed until the admin loads the saved value.
 */
export function DaysSettingAdmin({ setting, bounds, parse, words }: DaysSettingAdminProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ typed: string; version: number } | null>(null);

  const saved = settings.data ?? null;
  const typed = edit?.typed ?? String(saved?.[setting] ?? bounds.default);
  const days = parse(typed);
  const changed = saved !== null && edit !== null && days !== saved[setting];
  const submit = () => {
    if (!edit || days === null) return;
    save.mutate({ body: { [setting]: days }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const refused = save.error ? errorText(save.error).fields[setting] : undefined;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t(words.help)}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <form
          className={styles.view}
          aria-label={t(words.form)}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field label={t(words.label)} hint={days === null ? undefined : t(words.hint, bounds)} validationMessage={days === null ? t(words.invalid, bounds) : refused}>
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
              {t(words.saved, { days: saved[setting] })}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={save.isPending || !changed || days === null}>
              {t(words.save)}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t(words.reload)}</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
