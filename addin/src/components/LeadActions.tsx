import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { settableLeadStatuses, type LeadStatus } from '@rapport/shared/leads/lead-kinds';
import { isApiError } from '../api/api-error';
import { useReloadCard } from '../data/card';
import { useChangeRecord } from '../data/writes';
import { useCanEdit } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { ReassignOwner } from './ReassignOwner';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A lead's status (in process, recycled, dead…) for whoever may change it, and its owner for managers. Keep it mounted
 * across versions of the lead: a refused status stays chosen until the rep reloads the card.
 */
export function LeadActions({ lead, onChanged }: { lead: Lead; onChanged: (notice: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const canEdit = useCanEdit(lead);
  const change = useChangeRecord('lead');
  const reloadCard = useReloadCard();
  if (!canEdit) return null;
  const setStatus = (status: LeadStatus) =>
    change.mutate(
      { id: lead.id, changes: { status }, version: lead.version, previous: lead },
      { onSuccess: () => onChanged(t('lead.statusSaved', { status: t(`leadStatus.${status}`) })) },
    );
  // What the rep chose shows while it is saved, and stays when it is refused.
  const chosen = (change.variables?.changes.status as LeadStatus | undefined) ?? lead.status;
  const stale = isApiError(change.error) && change.error.code === 'RECORD.STALE_VERSION';
  return (
    <div className={styles.view}>
      <Field label={t('lead.status')}>
        <Select value={chosen} disabled={change.isPending} onChange={(_, data) => setStatus(data.value as LeadStatus)}>
          {settableLeadStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`leadStatus.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      {change.error ? <ErrorMessage error={change.error} onRetry={() => setStatus(chosen)} /> : null}
      {stale ? (
        <div>
          {/* The lead as it is now; the rep then chooses again. */}
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
      <ReassignOwner kind="lead" record={lead} onReassigned={(name) => onChanged(t('lead.reassigned', { name }))} />
    </div>
  );
}
