import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import { useHistory } from '../data/queries';
import { useMemberNames } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  value: { overflowWrap: 'anywhere' },
});

const MAX_VALUE_LENGTH = 80;

// Field names the pane already has labels for; others are shown as the API names them.
const labelled: Record<string, MessageKey> = {
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  emails: 'field.email',
  phones: 'field.phone',
  title: 'field.title',
  subject: 'field.subject',
  notes: 'field.notes',
  dealId: 'field.deal',
  ownerId: 'changes.owner',
};

/** A value as plain text: lists joined, objects as their values, long text cut. */
function asText(value: unknown, ownerName: (id: string) => string, field: string): string {
  if (value === undefined || value === null || value === '') return '—';
  let text: string;
  if (field === 'ownerId' && typeof value === 'string') text = ownerName(value);
  else if (Array.isArray(value)) text = value.map((item) => (typeof item === 'object' && item !== null ? Object.values(item).join(' ') : String(item))).join(', ');
  else if (typeof value === 'object') text = Object.values(value as Record<string, unknown>).join(', ');
  else text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** A record's audit trail: who changed what, from what to what, and when; newest first. */
export function ChangeHistory({ owner }: { owner: { kind: CrudKind; id: string } }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const nameOf = useMemberNames();
  const history = useHistory(owner.kind, owner.id);

  if (history.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  // A failed first read shows only the failure; a failed "show older" keeps the entries already shown.
  if (history.isError && !history.data) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.items;
  if (entries.length === 0) return <Body1>{t('changes.none')}</Body1>;
  const who = (id: string) => nameOf(id) ?? t('changes.someone');
  return (
    <>
      <ul className={styles.list} aria-label={t('tabs.changes')}>
        {entries.map((entry) => (
          <li key={entry.version}>
            <Body1>{t(`changes.${entry.action}`, { who: who(entry.by) })}</Body1>
            <Caption1 className={styles.meta}>{dateTime(entry.at)}</Caption1>
            {entry.action === 'updated' && entry.changes.length > 0 ? (
              <ul className={styles.changes}>
                {entry.changes.map((change) => (
                  <li key={change.field} className={styles.value}>
                    <Caption1>
                      {t('changes.field', {
                        field: labelled[change.field] ? t(labelled[change.field]!) : change.field,
                        before: asText(change.before, who, change.field),
                        after: asText(change.after, who, change.field),
                      })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => (history.isFetchNextPageError ? history.loadMore() : void history.refetch())} />
      ) : null}
      {history.loadingMore ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {history.hasMore && !history.loadingMore ? (
        <Button appearance="subtle" onClick={history.loadMore}>
          {t('timeline.more')}
        </Button>
      ) : null}
    </>
  );
}
