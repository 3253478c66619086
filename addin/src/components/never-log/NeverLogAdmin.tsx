import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useOperation } from '../../data/queries';
import { isStale } from '../../data/versions';
import { useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';
import { NeverLogEntries } from './NeverLogEntries';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Admins: the organization's never-log list, in the settings. Changed here and saved on the version read, like the own
 * domains (the same settings); a refused save keeps what was typed until the admin loads the saved list.
 */
export function NeverLogAdmin() {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<{ entries: string[]; version: number } | null>(null);

  const saved = settings.data ?? null;
  const entries = edit?.entries ?? saved?.neverLog ?? [];
  const change = (next: string[]) => {
    if (!saved) return;
    save.reset();
    setEdit({ entries: next, version: edit?.version ?? saved.version });
  };
  const changed = saved !== null && edit !== null && JSON.stringify(edit.entries) !== JSON.stringify(saved.neverLog);
  const submit = () => {
    if (edit) save.mutate({ body: { neverLog: edit.entries }, version: edit.version }, { onSuccess: () => setEdit(null) });
  };
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const fields = save.error ? errorText(save.error).fields : {};
  const refused = Object.entries(fields).find(([path]) => path === 'neverLog' || path.startsWith('neverLog.'))?.[1];

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('neverLog.adminHelp')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <>
          <NeverLogEntries
            label={t('neverLog.tenant')}
            entries={entries}
            empty={t('neverLog.adminEmpty')}
            onAdd={(entry) => change([...entries, entry])}
            onRemove={(entry) => change(entries.filter((other) => other !== entry))}
            busy={save.isPending}
            problem={refused}
          />
          {save.isError ? <ErrorMessage error={save.error} {...(isStale(save.error) ? {} : { onRetry: submit })} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t('neverLog.saved')}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={save.isPending || !changed} onClick={submit}>
              {t('neverLog.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('neverLog.reload')}</Button> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
