import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Contact, Lead } from '@rapport/shared';
import { useCapabilities } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// Its list and button come with the first card a manager sees; nobody else's pane loads them.
const OwnerEditor = lazyWithMessages(() => import('./OwnerEditor'), 'OwnerEditor');

export type ReassignOwnerProps =
  | { kind?: 'contact'; record: Contact; onReassigned: (ownerName: string) => void }
  | { kind: 'lead'; record: Lead; onReassigned: (ownerName: string) => void };

/**
 * Managers and admins: give a contact or a lead another owner, at the version read. Shown to no one else (the API
 * refuses reps anyway). Keep it mounted across versions of the record: a refused change keeps the chosen owner, and
 * after a reload it is sent again at the new version.
 */
export function ReassignOwner(props: ReassignOwnerProps) {
  const { t } = useI18n();
  const { reassign } = useCapabilities();
  if (!reassign) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
      <OwnerEditor {...props} />
    </Suspense>
  );
}
