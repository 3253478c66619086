import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { isStale } from '../../data/versions';
import { ErrorMessage } from '../ErrorMessage';
import { QueryState } from '../QueryState';
import { Token } from '../Token';
import { NeverLogEntries } from './NeverLogEntries';
import { useMyNeverLog } from './useMyNeverLog';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  tokens: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * The rep's own never-log list, changed in place (each add or removal is saved at once), and the organization's, which
 * applies too and only admins change (in Settings).
 */
export function MyNeverLogList() {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const { lists, save, entries, tenant, add, remove, retry, reload } = useMyNeverLog();
  const refused = save.error ? Object.values(errorText(save.error).fields)[0] : undefined;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('neverLog.help')}</Caption1>
      <QueryState query={lists} />
      {lists.data ? (
        <>
          <Subtitle2 as="h3">{t('neverLog.mine')}</Subtitle2>
          <NeverLogEntries label={t('neverLog.mine')} entries={entries} empty={t('neverLog.empty')} onAdd={(entry) => add(entry)} onRemove={(entry) => remove(entry)} busy={save.isPending} problem={refused} />
          {save.isError ? <ErrorMessage error={save.error} {...(isStale(save.error) ? {} : { onRetry: retry })} /> : null}
          {isStale(save.error) ? <Button onClick={reload}>{t('neverLog.reload')}</Button> : null}
          {save.isSuccess ? (
            <Caption1 role="status" aria-live="polite">
              {t('neverLog.saved')}
            </Caption1>
          ) : null}
          {tenant.length > 0 ? (
            <>
              <Subtitle2 as="h3">{t('neverLog.tenant')}</Subtitle2>
              <Caption1 className={styles.meta}>{t('neverLog.tenantHelp')}</Caption1>
              <ul className={styles.tokens} aria-label={t('neverLog.tenant')}>
                {tenant.map((entry) => (
                  <li key={entry}>
                    <Body1>
                      <Token>{entry}</Token>
                    </Body1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
