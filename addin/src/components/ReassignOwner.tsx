import { useState } from 'react';
import { Body1, Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Contact, Lead } from '@rapport/shared';
import { isApiError } from '../api/api-error';
import { useReloadCard } from '../data/card';
import { useOperation } from '../data/queries';
import { useChangeRecord } from '../data/writes';
import { useCapabilities } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type ReassignOwnerProps =
  | { kind?: 'contact'; record: Contact; onReassigned: (ownerName: string) => void }
  | { kind: 'lead'; record: Lead; onReassigned: (ownerName: string) => void };

/**
 * Managers and admins: give a contact or a lead another owner, at the version read. Shown to no one else (the API
 * refuses reps anyway). Keep it mounted across versions of the record: a refused change keeps the chosen owner, and
 * after a reload it is sent again at the new version.
 */
export function ReassignOwner({ kind = 'contact', record, onReassigned }: ReassignOwnerProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { reassign } = useCapabilities();
  // The same request as the member names everywhere in the pane: read once.
  const members = useOperation('members', { query: { limit: 100 } }, { enabled: reassign });
  const change = useChangeRecord(kind);
  const reloadCard = useReloadCard();
  const [ownerId, setOwnerId] = useState(record.ownerId);

  if (!reassign) return null;
  if (members.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (members.error) return <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />;
  const active = members.data.items.filter((member) => !member.deactivated || member.id === record.ownerId);
  if (active.length === 0) return <Body1>{t('reassign.nobody')}</Body1>;

  const save = () =>
    change.mutate(
      { id: record.id, changes: { ownerId }, version: record.version, previous: record },
      { onSuccess: () => onReassigned(active.find((member) => member.id === ownerId)?.displayName ?? ownerId) },
    );
  const stale = isApiError(change.error) && change.error.code === 'RECORD.STALE_VERSION';
  return (
    <>
      <div className={styles.row}>
        <Field label={t('reassign.label')}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {active.some((member) => member.id === record.ownerId) ? null : <option value={record.ownerId}>{record.ownerId}</option>}
            {active.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={change.isPending || ownerId === record.ownerId} onClick={save}>
          {t('reassign.save')}
        </Button>
      </div>
      {change.error ? <ErrorMessage error={change.error} onRetry={save} /> : null}
      {stale ? (
        <div>
          <Button
            size="small"
            onClick={() => {
              change.reset();
              reloadCard();
            }}
          >
            {t('card.reload')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
