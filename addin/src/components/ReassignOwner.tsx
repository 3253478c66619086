import { useEffect, useState } from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Member } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { useCapabilities } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Owned = { id: string; ownerId: string; version: number };

/** Managers and admins: give a contact or a lead another owner. Shown to no one else (the API refuses reps anyway). */
export function ReassignOwner({
  api,
  contact,
  kind = 'contact',
  onReassigned,
}: {
  api: ApiClient;
  /** The record (a contact, or a lead with `kind="lead"`). */
  contact: Owned;
  kind?: 'contact' | 'lead';
  onReassigned: (ownerName: string) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { reassign } = useCapabilities();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [ownerId, setOwnerId] = useState(contact.ownerId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!reassign) return;
    let live = true;
    api.members().then(
      (page) => live && setMembers(page.items.filter((member) => !member.deactivated)),
      () => live && setMembers([]),
    );
    return () => {
      live = false;
    };
  }, [api, reassign]);

  if (!reassign || !members || members.length === 0) return null;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'lead') await api.updateLead(contact.id, { ownerId }, contact.version);
      else await api.updateContact(contact.id, { ownerId }, contact.version);
      onReassigned(members.find((member) => member.id === ownerId)?.displayName ?? ownerId);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className={styles.row}>
        <Field label={t('reassign.label')}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {members.some((member) => member.id === contact.ownerId) ? null : <option value={contact.ownerId}>{contact.ownerId}</option>}
            {members.filter((member) => !member.deactivated || member.id === contact.ownerId).map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy || ownerId === contact.ownerId} onClick={() => void save()}>
          {t('reassign.save')}
        </Button>
      </div>
      {error ? <ErrorMessage message={error} /> : null}
    </>
  );
}
