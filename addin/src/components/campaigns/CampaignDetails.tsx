import type { ReactNode } from 'react';
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Campaign } from '@rapport/shared';
import { useIsCampaignManager } from '../../data/campaigns';
import { useOperation } from '../../data/queries';
import { newest } from '../../data/versions';
import { useChangeRecord } from '../../data/writes';
import { useMemberNames } from '../../hooks/useMe';
import { useOpenForm } from '../../hooks/useOpenForm';
import { fieldLabelKey } from '../../i18n/field-labels';
import { useI18n } from '../../i18n/I18nContext';
import { editIcons } from '../editing-icons';
import { LazyCampaignLinks } from '../links/LazyCampaignLinks';
import { StatusBadge } from '../StatusBadge';
import { CampaignEditor } from './CampaignEditor';
import { campaignBudget, campaignStatusTones, channelLabel, statusLabel } from './campaign-text';
import type { CampaignField } from './useCampaignDraft';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Each fact under its label, as the other records' fields read.
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', ...typographyStyles.body1 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * A campaign opened as a record (from a lead, a deal, a web form or Settings): what it is, and for campaign managers and
 * admins its editor (every field, the status by the steps that may follow it); then its tracked links, which they make and
 * revoke there.
 */
export function CampaignDetails({ campaign: read, reload }: { campaign: Campaign; reload: () => Promise<unknown> }) {
  const translator = useI18n();
  const { t, date } = translator;
  const styles = useStyles();
  const keeps = useIsCampaignManager();
  const change = useChangeRecord('campaign');
  const campaign = newest(read, change.data);
  const editor = useOpenForm();
  const reporting = useOperation('settings', {}).data?.reportingCurrency;
  const nameOf = useMemberNames();
  const Edit = editIcons.edit;
  const none = <span className={styles.empty}>{t('record.notSet')}</span>;
  const facts: [CampaignField, ReactNode][] = [
    ['channel', channelLabel(t, campaign)],
    ['status', <StatusBadge key="status" tone={campaignStatusTones[campaign.status]}>{statusLabel(t, campaign)}</StatusBadge>],
    ['startsOn', campaign.startsOn ? date(campaign.startsOn) : none],
    ['endsOn', campaign.endsOn ? date(campaign.endsOn) : none],
    ['budget', campaignBudget(translator, campaign, reporting) ?? none],
    ['ownerId', nameOf(campaign.ownerId) ?? '…'],
    ['description', campaign.description ?? none],
  ];

  if (editor.open) return <CampaignEditor campaign={campaign} change={change} onReload={reload} onClose={editor.close} />;
  return (
    <div className={styles.view}>
      <dl className={styles.facts}>
        {facts.map(([field, value]) => (
          <div key={field}>
            <dt className={styles.label}>{t(fieldLabelKey('campaign', field))}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {keeps ? (
        <div>
          <Button ref={editor.triggerRef} icon={<Edit />} onClick={editor.show}>
            {t('campaigns.edit', { name: campaign.name })}
          </Button>
        </div>
      ) : null}
      <LazyCampaignLinks campaignId={campaign.id} campaignChannel={campaign.channel} canEdit={keeps} />
    </div>
  );
}
