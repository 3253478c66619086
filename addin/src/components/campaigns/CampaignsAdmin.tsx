import { useId, useState } from 'react';
import { Body1, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Campaign } from '@rapport/shared';
import { useCampaigns } from '../../data/campaigns';
import { useOperation } from '../../data/queries';
import { newest } from '../../data/versions';
import { useChangeRecord, useRemoveRecord, useRestoreRecord } from '../../data/writes';
import { useOpenForm } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { AddButton } from '../AddButton';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { QueryState } from '../QueryState';
import { StatusBadge } from '../StatusBadge';
import { editIcons } from '../editing-icons';
import { CampaignEditor, NewCampaign } from './CampaignEditor';
import { CampaignLink } from './CampaignLink';
import { campaignBudget, campaignDates, campaignStatusTones, channelLabel, statusLabel } from './campaign-text';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // The campaign as it reads, and the button that opens its editor at the end of the line.
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  confirm: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Said = { what: 'created' | 'deleted' | 'restored'; campaign: Campaign };

/**
 * Settings → Campaigns, for admins and campaign managers: the tenant's campaigns (each opening as a record), a new one,
 * and each changed in place on the version read, or deleted after a confirmation, with Undo.
 */
export function CampaignsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const list = useCampaigns();
  const reporting = useOperation('settings', {}).data?.reportingCurrency;
  const adding = useOpenForm();
  const [said, setSaid] = useState<Said | null>(null);
  const restore = useRestoreRecord('campaign');
  const undo = (deleted: Campaign) => restore.mutate({ deleted }, { onSuccess: (campaign) => setSaid({ what: 'restored', campaign }) });

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('campaigns.help')}</Caption1>
      {adding.open ? (
        <NewCampaign
          onClose={adding.close}
          onCreated={(campaign) => {
            setSaid({ what: 'created', campaign });
            adding.close();
          }}
        />
      ) : (
        <AddButton opener={adding} icon={editIcons.add} label={t('campaigns.new')} />
      )}
      <div role="status">
        {said && !adding.open ? (
          <Notice
            intent="success"
            actions={
              said.what === 'deleted' ? (
                <Button size="small" disabled={restore.isPending} onClick={() => undo(said.campaign)}>
                  {t('delete.undo')}
                </Button>
              ) : undefined
            }
          >
            {t(`campaigns.${said.what}`, { name: said.campaign.name })}
          </Notice>
        ) : null}
      </div>
      {restore.isError && said ? <ErrorMessage error={restore.error} title={t('delete.undoFailed')} onRetry={() => undo(said.campaign)} /> : null}
      <QueryState query={list} />
      {list.data && list.campaigns.length === 0 ? <Body1>{t('campaigns.none')}</Body1> : null}
      {list.campaigns.length > 0 ? (
        <ul className={styles.list} aria-label={t('campaigns.list')}>
          {list.campaigns.map((campaign) => (
            <CampaignRow
              key={campaign.id}
              campaign={campaign}
              reporting={reporting}
              onReload={() => list.refetch()}
              onDeleted={(deleted) => {
                restore.reset();
                setSaid({ what: 'deleted', campaign: deleted });
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A campaign on a line: its name (opening it), status, channel, dates and budget; its editor on demand. */
function CampaignRow({ campaign: listed, reporting, onReload, onDeleted }: { campaign: Campaign; reporting: string | undefined; onReload: () => Promise<unknown>; onDeleted: (campaign: Campaign) => void }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const change = useChangeRecord('campaign');
  const campaign = newest(listed, change.data);
  const editor = useOpenForm();
  const editorId = useId();
  const budget = campaignBudget(translator, campaign, reporting);
  const meta = [channelLabel(t, campaign), campaignDates(translator, campaign), budget ? t('campaigns.budgetIs', { amount: budget }) : null].filter(Boolean).join(' · ');
  const Edit = editIcons.edit;
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <div className={styles.text}>
          <div className={styles.title}>
            <CampaignLink id={campaign.id}>{campaign.name}</CampaignLink>
            <StatusBadge tone={campaignStatusTones[campaign.status]}>{statusLabel(t, campaign)}</StatusBadge>
          </div>
          <Caption1 className={styles.meta}>{meta}</Caption1>
        </div>
        <Button
          ref={editor.triggerRef}
          appearance="subtle"
          icon={<Edit />}
          aria-label={t('campaigns.edit', { name: campaign.name })}
          title={t('campaigns.edit', { name: campaign.name })}
          aria-expanded={editor.open}
          aria-controls={editor.open ? editorId : undefined}
          onClick={editor.open ? editor.close : editor.show}
        />
      </div>
      {editor.open ? (
        <CampaignEditor id={editorId} campaign={campaign} change={change} onReload={onReload} onClose={editor.close}>
          <DeleteCampaign campaign={campaign} onDeleted={onDeleted} onReload={onReload} />
        </CampaignEditor>
      ) : null}
    </li>
  );
}

/** Delete, after a confirmation in place, on the version read; the list then says so and offers Undo. */
function DeleteCampaign({ campaign, onDeleted, onReload }: { campaign: Campaign; onDeleted: (campaign: Campaign) => void; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const remove = useRemoveRecord('campaign');
  const [confirming, setConfirming] = useState(false);
  const Remove = editIcons.remove;
  const send = () => remove.mutate({ record: campaign }, { onSuccess: () => onDeleted(campaign) });
  if (!confirming) {
    return (
      <div>
        <Button size="small" appearance="subtle" icon={<Remove />} aria-label={t('campaigns.delete', { name: campaign.name })} onClick={() => setConfirming(true)}>
          {t('delete.button')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label={t('campaigns.delete', { name: campaign.name })}>
      <Text>{t('campaigns.deleteConfirm', { name: campaign.name })}</Text>
      {remove.error ? (
        <ChangeError
          error={remove.error}
          onRetry={send}
          onReload={() => {
            remove.reset();
            void onReload();
          }}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={remove.isPending} onClick={send}>
          {remove.isPending ? t('delete.deleting') : t('delete.confirmButton')}
        </Button>
        <Button
          size="small"
          disabled={remove.isPending}
          onClick={() => {
            remove.reset();
            setConfirming(false);
          }}
        >
          {t('delete.cancel')}
        </Button>
      </div>
    </div>
  );
}
