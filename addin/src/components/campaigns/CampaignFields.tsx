import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { campaignChannels, campaignStatuses, type CampaignStatus } from '@rapport/shared/campaigns/campaign.rules';
import { useOperation } from '../../data/queries';
import { useCapabilities } from '../../hooks/useMe';
import { fieldLabelKey, valueLabelKey } from '../../i18n/field-labels';
import { useI18n } from '../../i18n/I18nContext';
import { statusesFrom, type CampaignDraft, type CampaignField } from './useCampaignDraft';

const useStyles = makeStyles({
  // Two fields side by side when the pane leaves room (the dates; the budget and its currency), else one under the other.
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  half: { flexGrow: 1, flexBasis: '8.5em', minWidth: 0 },
  // Fluent's inputs keep a minimum width of their own: here they take the field's.
  input: { width: '100%', minWidth: 0 },
});

/**
 * A campaign's name, channel, status, dates, budget and currency, description and owner. `current`: the status the
 * campaign has (a change offers the statuses that may follow it; a new campaign, every status). `problems` are what each
 * field needs, the pane's checks or the API's answer.
 */
export function CampaignFields({
  draft,
  onChange,
  problems,
  currencies,
  current,
}: {
  draft: CampaignDraft;
  onChange: (patch: Partial<CampaignDraft>) => void;
  problems: Partial<Record<CampaignField, string>>;
  currencies: string[];
  current: CampaignStatus | null;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { reassign } = useCapabilities();
  const label = (field: CampaignField) => t(fieldLabelKey('campaign', field));
  const statuses = current ? statusesFrom(current) : campaignStatuses;
  return (
    <>
      <Field label={label('name')} required validationMessage={problems.name}>
        <Input value={draft.name} maxLength={150} onChange={(_, data) => onChange({ name: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.half} label={label('channel')} validationMessage={problems.channel}>
          <Select className={styles.input} value={draft.channel} onChange={(_, data) => onChange({ channel: data.value as CampaignDraft['channel'] })}>
            {campaignChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(valueLabelKey('campaign', 'channel', channel))}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.half} label={label('status')} validationMessage={problems.status} hint={current ? t('campaigns.statusHint') : undefined}>
          <Select className={styles.input} value={draft.status} onChange={(_, data) => onChange({ status: data.value as CampaignStatus })}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(valueLabelKey('campaign', 'status', status))}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.half} label={label('startsOn')} validationMessage={problems.startsOn}>
          <Input className={styles.input} type="date" value={draft.startsOn} onChange={(_, data) => onChange({ startsOn: data.value })} />
        </Field>
        <Field className={styles.half} label={label('endsOn')} validationMessage={problems.endsOn}>
          <Input className={styles.input} type="date" value={draft.endsOn} min={draft.startsOn || undefined} onChange={(_, data) => onChange({ endsOn: data.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.half} label={label('budget')} validationMessage={problems.budget}>
          <Input className={styles.input} inputMode="decimal" value={draft.budget} onChange={(_, data) => onChange({ budget: data.value })} />
        </Field>
        <Field className={styles.half} label={label('currency')} validationMessage={problems.currency}>
          <Select className={styles.input} value={draft.currency} onChange={(_, data) => onChange({ currency: data.value })}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={label('description')} validationMessage={problems.description}>
        <Textarea value={draft.description} maxLength={2000} resize="vertical" onChange={(_, data) => onChange({ description: data.value })} />
      </Field>
      {/* Giving a campaign another owner is a manager's, as for any record. */}
      {reassign ? <OwnerSelect label={label('ownerId')} value={draft.ownerId} problem={problems.ownerId} onChange={(ownerId) => onChange({ ownerId })} /> : null}
    </>
  );
}

function OwnerSelect({ label, value, problem, onChange }: { label: string; value: string; problem: string | undefined; onChange: (id: string) => void }) {
  // The same request as useMemberNames(): the pane reads the members once.
  const members = useOperation('members', { query: { limit: 100 } });
  const active = (members.data?.items ?? []).filter((member) => (!member.deactivated && !member.invited) || member.id === value);
  return (
    <Field label={label} validationMessage={problem}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {active.some((member) => member.id === value) ? null : <option value={value}>{value ? '…' : ''}</option>}
        {active.map((member) => (
          <option key={member.id} value={member.id}>
            {member.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}
