import { useState } from 'react';
import { Body1, Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useReloadCard } from '../data/card';
import { useOperation } from '../data/queries';
import { useChangeRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { ChangeError } from './ChangeError';
import { ErrorMessage } from './ErrorMessage';
import type { ReassignOwnerProps } from './ReassignOwner';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The choice and its button on one row: the list takes what the button leaves.
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0 },
});

/**
 * The owner of a contact or lead and who else may own it, changed at the version read; loaded when a manager's card
 * shows it. A refused change keeps the chosen owner: sent again after a reload, or at once over the others' change.
 */
export function OwnerEditor({ kind = 'contact', record, onReassigned }: ReassignOwnerProps) {
  const { t } = useI18n();
  const styles = useStyles();
  // The same request as the member names everywhere in the pane: read once.
  const members = useOperation('members', { query: { limit: 100 } });
  const change = useChangeRecord(kind);
  const reloadCard = useReloadCard();
  const [ownerId, setOwnerId] = useState(record.ownerId);

  if (members.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (members.error) return <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />;
  const active = members.data.items.filter((member) => (!member.deactivated && !member.invited) || member.id === record.ownerId);
  if (active.length === 0) return <Body1>{t('reassign.nobody')}</Body1>;

  // At the version read, or at the one a refusal named, to apply the chosen owner over what others changed meanwhile.
  const save = (version = record.version) =>
    change.mutate(
      { id: record.id, changes: { ownerId }, version, previous: record },
      { onSuccess: () => onReassigned(active.find((member) => member.id === ownerId)?.displayName ?? ownerId) },
    );
  return (
    <div className={styles.view}>
      <div className={styles.row}>
        <Field className={styles.field} label={t('reassign.label')}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {active.some((member) => member.id === record.ownerId) ? null : <option value={record.ownerId}>{record.ownerId}</option>}
            {active.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button className={styles.button} disabled={change.isPending || ownerId === record.ownerId} onClick={() => save()}>
          {t('reassign.save')}
        </Button>
      </div>
      {change.error ? (
        <ChangeError
          error={change.error}
          onRetry={() => save()}
          onReload={() => {
            change.reset();
            reloadCard();
          }}
          onApplyAgain={save}
          myFields={['ownerId']}
        />
      ) : null}
    </div>
  );
}
