import { useId, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Skeleton, SkeletonItem, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
// Not LinkAddRegular: the first card's JavaScript grows by 170 bytes with it here (how its icons' modules split).
import { AddRegular } from '@fluentui/react-icons';
import { campaignChannels, type CampaignChannel } from '@rapport/shared/campaigns/campaign.rules';
import type { Link } from '@rapport/shared/campaigns/link.schema';
import { useCampaignLinks, useChangeLink, useCreateLink, useTrackedLinkUrl } from '../../data/tracked-links';
import { newest } from '../../data/versions';
import { useFormFocus, useOpenForm } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { channelLabel } from '../campaigns/campaign-text';
import { useErrorText } from '../../i18n/useErrorText';
import { AddButton } from '../AddButton';
import { CopyLink } from '../CopyLink';
import { ErrorMessage } from '../ErrorMessage';
import { StatusBadge } from '../StatusBadge';
import { adminFormStyles } from '../admin-form.styles';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  ...adminFormStyles,
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingBlock: tokens.spacingVerticalM, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  label: { overflowWrap: 'anywhere', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export type CampaignLinksProps = {
  /** The campaign whose links are shown (and made). */
  campaignId: string;
  /** The campaign's own channel: a link placed in it (the form's default) is an affiliate's when it is `affiliate`. */
  campaignChannel?: CampaignChannel | undefined;
  /** Whether the signed-in member keeps the campaign's links (an admin or a campaign manager): New, Revoke. */
  canEdit: boolean;
};

/**
 * A campaign's tracked links: each with where it is placed, where it goes, and its address to copy into an ad, a
 * newsletter or an affiliate's page; a campaign manager makes new ones and revokes them (or makes them active again).
 */
export function CampaignLinks({ campaignId, campaignChannel, canEdit }: CampaignLinksProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const links = useCampaignLinks(campaignId);
  const adding = useOpenForm();
  const items = links.data?.items ?? [];
  const headingId = useId();
  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t('links.list')}
      </Subtitle2>
      {canEdit ? adding.open ? <NewLink campaignId={campaignId} campaignChannel={campaignChannel} onClose={adding.close} /> : <AddButton opener={adding} icon={AddRegular} label={t('links.new')} /> : null}
      {links.isPending ? (
        <Skeleton className={styles.skeleton} aria-label={t('links.loading')}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      ) : null}
      {links.isError ? <ErrorMessage error={links.error} onRetry={() => void links.refetch()} /> : null}
      {links.isSuccess && items.length === 0 ? <Body1>{canEdit ? t('links.none') : t('links.noneToRead')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('links.list')}>
          {items.map((link) => (
            <LinkRow key={link.id} link={link} canEdit={canEdit} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One link: its label and state, where it is placed and goes, its address to copy, and the switch that revokes it. */
function LinkRow({ link: listed, canEdit }: { link: Link; canEdit: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const change = useChangeLink();
  const urlOf = useTrackedLinkUrl();
  const link = newest(listed, change.data);
  const channel = channelLabel(t, link);
  return (
    <li className={styles.item}>
      <div className={styles.title}>
        <Body1 className={styles.label}>{link.label}</Body1>
        <StatusBadge tone={link.revoked ? 'danger' : 'success'}>{link.revoked ? t('links.revoked') : t('links.active')}</StatusBadge>
      </div>
      <Caption1 className={styles.meta}>{t('links.placedIn', { channel: link.affiliate ? `${channel} (${link.affiliate})` : channel })}</Caption1>
      <Caption1 className={styles.meta}>{t('links.goesTo', { host: hostOf(link.destination) })}</Caption1>
      {link.revoked ? <Caption1 className={styles.meta}>{t('links.revokedHint')}</Caption1> : <CopyLink url={urlOf(link.code)} label={t('links.address', { label: link.label })} />}
      {change.isError ? <ErrorMessage error={change.error} onRetry={() => change.variables && change.mutate(change.variables)} /> : null}
      {canEdit ? (
        <div className={styles.actions}>
          <Button disabled={change.isPending} onClick={() => change.mutate({ id: link.id, changes: { revoked: !link.revoked }, version: link.version, previous: link })}>
            {link.revoked ? t('links.reactivate', { label: link.label }) : t('links.revoke', { label: link.label })}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** A destination's host, as a person reads where a link goes ("shop.example"); the whole address when it has none. */
function hostOf(destination: string): string {
  try {
    return new URL(destination).host || destination;
  } catch {
    return destination;
  }
}

const EMPTY = { label: '', destination: '', channel: '' as CampaignChannel | '', affiliate: '' };

/** A new link of the campaign. Escape or Cancel closes it; so does making it, and it shows first in the list. */
function NewLink({ campaignId, campaignChannel, onClose }: { campaignId: string; campaignChannel: CampaignChannel | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  // A double-click or a Retry makes one link: the create keeps its idempotency key until it succeeds.
  const create = useCreateLink();
  const { ref, onKeyDown } = useFormFocus(onClose);
  const [draft, setDraft] = useState(EMPTY);
  const fields = create.error ? errorText(create.error).fields : {};
  // An affiliate link names its site; so does a link that takes an affiliate campaign's channel.
  const affiliate = (draft.channel || campaignChannel) === 'affiliate' || fields.affiliate !== undefined;
  const complete = draft.label.trim() !== '' && draft.destination.trim() !== '' && (!affiliate || draft.affiliate.trim() !== '');

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('links.new')}
      // The server checks the address and the form says why in the user's language (not the browser's own bubble).
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!complete || create.isPending) return;
        create.mutate(
          {
            input: {
              campaignId,
              label: draft.label.trim(),
              destination: draft.destination.trim(),
              ...(draft.channel ? { channel: draft.channel } : {}),
              ...(affiliate ? { affiliate: draft.affiliate.trim() } : {}),
            },
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Field label={t('links.label')} hint={t('links.labelHint')} required validationMessage={fields.label}>
        <Input value={draft.label} onChange={(_, data) => setDraft({ ...draft, label: data.value })} maxLength={150} />
      </Field>
      <Field label={t('links.destination')} hint={t('links.destinationHint')} required validationMessage={fields.destination === undefined ? undefined : t('links.destinationInvalid')}>
        <Input type="url" inputMode="url" placeholder="https://" value={draft.destination} onChange={(_, data) => setDraft({ ...draft, destination: data.value })} maxLength={2000} />
      </Field>
      <Field label={t('links.channel')} validationMessage={fields.channel}>
        <Select value={draft.channel} onChange={(_, data) => setDraft({ ...draft, channel: data.value as CampaignChannel | '' })}>
          <option value="">{t('links.channelOfCampaign')}</option>
          {campaignChannels.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(t, { channel })}
            </option>
          ))}
        </Select>
      </Field>
      {affiliate ? (
        <Field label={t('links.affiliate')} hint={t('links.affiliateHint')} required validationMessage={fields.affiliate}>
          <Input value={draft.affiliate} onChange={(_, data) => setDraft({ ...draft, affiliate: data.value })} maxLength={150} />
        </Field>
      ) : null}
      {create.isError && Object.keys(fields).length === 0 ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending || !complete}>
          {t('links.create')}
        </Button>
        <Button onClick={onClose}>{t('links.cancel')}</Button>
      </div>
    </form>
  );
}
