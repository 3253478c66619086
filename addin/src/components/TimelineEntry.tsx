import { Suspense, useState } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useI18n } from '../i18n/I18nContext';
import { useCachedRecord } from '../data/cached';
import { activityIcons } from './icons';
import { RecordLink } from './RecordLink';
import { ActivityActions } from './activity-actions/ActivityActions';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import type { RecordRef } from '../taskpane/record-navigation';

const useStyles = makeStyles({
  // The kind's icon beside the entry; the rest shares the column left, which may shrink to the pane.
  entry: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: tokens.fontSizeBase500, marginTop: '2px', color: tokens.colorBrandForeground1 },
  content: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  // A long word wraps rather than widening the pane.
  subject: { overflowWrap: 'break-word', fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
  // The note's or e-mail's own line breaks are kept.
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'break-word' },
  fold: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

// Only an e-mail that came with files loads what shows and opens them.
const EmailAttachments = lazyWithMessages(() => import('./documents/EmailAttachments'), 'EmailAttachments');

/** Bodies longer than this fold to their first words, with "Show more". */
export const FOLD_AT = 240;

export type TimelineEntryProps = {
  activity: Activity;
  /** Names of what the entry points at, as the timeline's pages brought them. */
  related: RelatedNames;
  /** The record whose timeline this is: its own deal or case is not named again. */
  owner: RecordRef;
};

/**
 * One activity of a timeline: what and when, its body (folded when long), who logged it, and the deal or case it
 * belongs to, each opening.
 */
export function TimelineEntry({ activity, related, owner }: TimelineEntryProps) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const Icon = activityIcons[activity.kind];
  const author = related.member?.[activity.createdBy];
  const belongs = (['deal', 'case'] as const).flatMap((kind) => {
    const id = activity[`${kind}Id`];
    return id && !(owner.kind === kind && owner.id === id) ? [{ kind, id }] : [];
  });
  return (
    <li className={styles.entry}>
      <Icon aria-hidden className={styles.icon} />
      <div className={styles.content}>
        <Body1 className={styles.subject}>{activity.subject}</Body1>
        <Caption1 className={styles.meta}>
          {[
            t(`kind.${activity.kind}`),
            dateTime(activity.at),
            // How it was held, unless the kind says so already (an e-mail by e-mail).
            activity.contactMethod && t(`method.${activity.contactMethod}`) !== t(`kind.${activity.kind}`) ? t(`method.${activity.contactMethod}`) : null,
            activity.direction ? t(`direction.${activity.direction}`) : null,
            activity.outcome ? t(`outcome.${activity.outcome}`) : activity.status !== 'done' ? t(`status.${activity.status}`) : null,
            activity.kind === 'task' && activity.priority && activity.priority !== 'normal' ? t('task.priority', { priority: t(`priority.${activity.priority}`) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Caption1>
        <EntryBody text={[activity.summary, activity.notes].filter(Boolean).join('\n\n')} />
        {activity.attachments?.length ? (
          <Suspense fallback={null}>
            <EmailAttachments attachments={activity.attachments} />
          </Suspense>
        ) : null}
        {author ? <Caption1 className={styles.meta}>{t(activity.status === 'planned' ? 'timeline.plannedBy' : 'timeline.loggedBy', { name: author })}</Caption1> : null}
        {belongs.map((ref) => (
          <LinkedRecord key={ref.kind} to={ref} name={related[ref.kind]?.[ref.id]} />
        ))}
        <ActivityActions activity={activity} />
      </div>
    </li>
  );
}

/** The entry's text: whole when short, else its first words until "Show more". */
function EntryBody({ text }: { text: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (!text) return null;
  const long = text.length > FOLD_AT;
  // Cut at a word's end, so no word is shown half.
  const folded = long && !open ? `${text.slice(0, FOLD_AT).replace(/\s+\S*$/, '')}…` : text;
  return (
    <>
      <Body1 className={styles.body}>{folded}</Body1>
      {long ? (
        <Button className={styles.fold} size="small" appearance="transparent" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(open ? 'timeline.showLess' : 'timeline.showMore')}
        </Button>
      ) : null}
    </>
  );
}

/** The deal or case an entry belongs to, opening it: by the name the timeline brought, else the pane's copy, else its kind. */
function LinkedRecord({ to, name }: { to: { kind: 'deal' | 'case'; id: string }; name: string | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  const cached = useCachedRecord(to.kind, to.id);
  const known = name ?? (cached ? ('name' in cached ? cached.name : `#${cached.number} ${cached.subject}`) : null);
  const deal = to.kind === 'deal';
  return (
    <Caption1 className={styles.meta}>
      <RecordLink to={to}>{known ? t(deal ? 'timeline.dealNamed' : 'timeline.caseNamed', { name: known }) : t(deal ? 'timeline.openDeal' : 'timeline.openCase')}</RecordLink>
    </Caption1>
  );
}
