import { useEffect, useId, useRef } from 'react';
import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Select, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useI18n } from '../../i18n/I18nContext';
import { channelLabel } from '../campaigns/campaign-text';
import type { ComposeContent } from '../../office/compose-item';
import { ErrorMessage } from '../ErrorMessage';
import { useInsertLink } from './useInsertLink';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Each choice as wide as the pane and no wider: its label wraps under the radio.
  choices: {
    minWidth: 0,
    '& .fui-Radio': { display: 'flex', alignSelf: 'stretch', alignItems: 'flex-start', minWidth: 0 },
    '& .fui-Radio__label': { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  },
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground2 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  field: { minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type InsertLinkProps = {
  /** Puts the link at the cursor of the draft, through Outlook. */
  insert: (content: ComposeContent) => Promise<unknown>;
  /** Inserted: what to tell the rep. */
  onDone: (notice: string) => void;
};

/**
 * "Insert link" in a message being written: the tenant's active tracked links (found by label, campaign or affiliate
 * site, or by campaign), the one chosen put at the cursor as a link with its label, so the customer's click counts for
 * its campaign.
 */
export function InsertLink({ insert, onDone }: InsertLinkProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const state = useInsertLink(insert);
  const { shown, chosen, job } = state;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const run = () => {
    if (chosen) job.mutate(chosen.link, { onSuccess: () => onDone(t('links.insert.inserted')) });
  };
  const ready = !state.isPending && !state.error;

  return (
    <section className={styles.view} aria-labelledby={labelId}>
      <h2 ref={headingRef} id={labelId} tabIndex={-1} className={styles.heading}>
        {t('links.insert.heading')}
      </h2>
      {state.isPending ? (
        <Skeleton className={styles.skeleton} aria-label={t('links.loading')}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      ) : null}
      {state.error ? <ErrorMessage error={state.error} onRetry={state.retry} /> : null}
      {ready && state.links.length === 0 ? <Body1>{t('links.insert.none')}</Body1> : null}
      {ready && state.links.length > 0 ? (
        <>
          <div className={styles.field}>
            <Field label={t('links.insert.search')} hint={t('links.insert.searchHint')}>
              <Input type="search" contentBefore={<SearchRegular />} value={state.query} maxLength={200} onChange={(_, data) => state.setQuery(data.value)} />
            </Field>
          </div>
          {state.campaigns.length > 1 ? (
            <div className={styles.field}>
              <Field label={t('links.insert.campaign')}>
                <Select value={state.campaignId} onChange={(_, data) => state.setCampaignId(data.value)}>
                  <option value="">{t('links.insert.allCampaigns')}</option>
                  {state.campaigns.map((campaign) => (
                    <option key={campaign.id} value={campaign.id}>
                      {campaign.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : null}
          {shown.length === 0 ? (
            <Body1 className={styles.hint} role="status">
              {t('links.insert.noMatch', { query: state.query.trim() })}
            </Body1>
          ) : (
            <RadioGroup className={styles.choices} aria-label={t('links.insert.choose')} value={chosen?.link.id ?? ''} onChange={(_, data) => state.choose(data.value)}>
              {shown.map(({ link, campaign }) => (
                <Radio
                  key={link.id}
                  value={link.id}
                  disabled={job.isPending}
                  label={
                    <span className={styles.choice}>
                      <span>{link.label}</span>
                      <Caption1 className={styles.meta}>{[campaign, link.affiliate ?? channelLabel(t, link)].filter(Boolean).join(' · ')}</Caption1>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          )}
          {job.error ? <ErrorMessage error={job.error} onRetry={run} /> : null}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={job.isPending || !chosen} onClick={run}>
              {job.isPending ? t('links.insert.inserting') : t('links.insert.button')}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
