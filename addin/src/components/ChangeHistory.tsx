import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEntry } from '@rapport/shared';
import type { ApiClient, HistoryOwner } from '../api/api-client';
import { useMemberNames } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

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
export function ChangeHistory({ api, owner }: { api: ApiClient; owner: { kind: HistoryOwner; id: string } }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const nameOf = useMemberNames();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.history(owner.kind, owner.id).then(
      (page) => {
        if (!live) return;
        setEntries(page.items);
        setCursor(page.nextCursor);
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, owner.kind, owner.id]);

  const loadMore = async () => {
    if (!cursor) return;
    const page = await api.history(owner.kind, owner.id, cursor);
    setEntries((current) => [...(current ?? []), ...page.items]);
    setCursor(page.nextCursor);
  };

  if (error) return <Body1 role="alert">{t('app.error', { message: error })}</Body1>;
  if (!entries) return <Caption1>{t('app.loading')}</Caption1>;
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
      {cursor ? <Button onClick={() => void loadMore()}>{t('timeline.more')}</Button> : null}
    </>
  );
}
