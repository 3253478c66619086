import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { settableLeadStatuses, type LeadStatus } from '@rapport/shared/leads/lead-kinds';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useCanEdit } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { ReassignOwner } from './ReassignOwner';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A lead's status (in process, recycled, dead…) for whoever may change it, and its owner for managers. */
export function LeadActions({ api, lead, onChanged }: { api: ApiClient; lead: Lead; onChanged: (notice: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const canEdit = useCanEdit(lead);
  const { busy, error, act } = useAction();
  if (!canEdit) return null;
  const setStatus = (status: LeadStatus) =>
    act(async () => {
      await api.updateLead(lead.id, { status }, lead.version);
      onChanged(t('lead.statusSaved', { status: t(`leadStatus.${status}`) }));
    });
  return (
    <div className={styles.view}>
      <Field label={t('lead.status')}>
        <Select value={lead.status} disabled={busy} onChange={(_, data) => void setStatus(data.value as LeadStatus)}>
          {settableLeadStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`leadStatus.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      {error ? <ErrorMessage message={error} /> : null}
      <ReassignOwner api={api} contact={lead} kind="lead" onReassigned={(name) => onChanged(t('lead.reassigned', { name }))} />
    </div>
  );
}
