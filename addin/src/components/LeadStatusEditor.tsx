import { Field, Select } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { settableLeadStatuses, type LeadStatus } from '@rapport/shared/leads/lead-kinds';
import { useReloadCard } from '../data/card';
import { useChangeRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { ChangeError } from './ChangeError';

/**
 * A lead's status (in process, recycled, dead…), saved as soon as it is chosen, at the version read; loaded with the
 * first lead the rep may change. Keep it mounted across versions: a refused status stays chosen until the card reloads.
 */
export function LeadStatusEditor({ lead, onChanged }: { lead: Lead; onChanged: (notice: string) => void }) {
  const { t } = useI18n();
  const change = useChangeRecord('lead');
  const reloadCard = useReloadCard();
  // At the version read, or at the one a refusal named, to apply the chosen status over what others changed meanwhile.
  const setStatus = (status: LeadStatus, version = lead.version) =>
    change.mutate(
      { id: lead.id, changes: { status }, version, previous: lead },
      { onSuccess: () => onChanged(t('lead.statusSaved', { status: t(`leadStatus.${status}`) })) },
    );
  // What the rep chose shows while it is saved, and stays when it is refused.
  const chosen = (change.variables?.changes.status as LeadStatus | undefined) ?? lead.status;
  return (
    <>
      <Field label={t('lead.status')}>
        <Select value={chosen} disabled={change.isPending} onChange={(_, data) => setStatus(data.value as LeadStatus)}>
          {settableLeadStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`leadStatus.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      {change.error ? (
        <ChangeError
          error={change.error}
          onRetry={() => setStatus(chosen)}
          onReload={() => {
            // The lead as it is now; the rep then chooses again.
            change.reset();
            reloadCard();
          }}
          onApplyAgain={(version) => setStatus(chosen, version)}
          myFields={['status']}
        />
      ) : null}
    </>
  );
}
