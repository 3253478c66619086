import { Suspense } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { useCanEdit } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ReassignOwner } from './ReassignOwner';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// The status list comes with the first lead the rep may change.
const LeadStatusEditor = lazyWithMessages(() => import('./LeadStatusEditor'), 'LeadStatusEditor');

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A lead's status for whoever may change it, and its owner for managers. Keep it mounted across versions of the lead:
 * a refused status stays chosen until the rep reloads the card.
 */
export function LeadActions({ lead, onChanged }: { lead: Lead; onChanged: (notice: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const canEdit = useCanEdit(lead);
  if (!canEdit) return null;
  return (
    <div className={styles.view}>
      <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
        <LeadStatusEditor lead={lead} onChanged={onChanged} />
      </Suspense>
      <ReassignOwner kind="lead" record={lead} onReassigned={(name) => onChanged(t('lead.reassigned', { name }))} />
    </div>
  );
}
