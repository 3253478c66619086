import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { activityIcons } from './icons';
import type { RecordSectionsProps } from './RecordSections';
import { WorkCounters } from './WorkCounters';
import { useTimelineSection } from './useRecordSections';
import { RecordLink } from './RecordLink';
import { useCachedRecord } from '../data/cached';
import { ActivityActions } from './activity-actions/ActivityActions';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  // The kind's icon beside the entry; the subject and its details share the column left, which may shrink to the pane.
  entry: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { gridRow: 'span 2', fontSize: tokens.fontSizeBase500, marginTop: '2px', color: tokens.colorBrandForeground1 },
  // A long word in a subject wraps rather than widening the pane; phones and addresses in it are short enough for a line.
  subject: { overflowWrap: 'break-word', fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
  linked: { gridColumn: 2, minWidth: 0 },
});

/** A record's activities, newest first, with the counters of its planned work; "Show older" pages on. */
export function Timeline({ owner, latest, label }: { owner: RecordSectionsProps['owner']; latest?: Activity[]; label?: string }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const timeline = useTimelineSection(owner, latest);
  const name = label ?? t('tabs.timeline');
  return (
    <>
      {timeline.counters ? (
        <WorkCounters
          label={t('timeline.counters', { name })}
          overdue={timeline.counters.overdue}
          dueToday={timeline.counters.dueToday}
          planned={timeline.counters.planned}
          plannedLabel="timeline.plannedLater"
          capped={timeline.counters.capped}
          size="small"
        />
      ) : null}
      {timeline.error ? <ErrorMessage error={timeline.error} onRetry={timeline.retry} /> : null}
      {timeline.loading || (timeline.countersLoading && !timeline.counters) ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {timeline.empty ? <Body1>{t('timeline.empty')}</Body1> : null}
      {timeline.items.length > 0 ? (
        <ol className={styles.list} aria-label={name}>
          {timeline.items.map((activity) => {
            const Icon = activityIcons[activity.kind];
            return (
              <li key={activity.id} className={styles.entry}>
                <Icon aria-hidden className={styles.icon} />
                <Body1 className={styles.subject}>{activity.subject}</Body1>
                <Caption1 className={styles.meta}>
                  {[
                    t(`kind.${activity.kind}`),
                    dateTime(activity.at),
                    // How it was held, unless the kind says so already (an e-mail by e-mail).
                    activity.contactMethod && t(`method.${activity.contactMethod}`) !== t(`kind.${activity.kind}`) ? t(`method.${activity.contactMethod}`) : null,
                    activity.outcome ? t(`outcome.${activity.outcome}`) : activity.status !== 'done' ? t(`status.${activity.status}`) : null,
                    activity.kind === 'task' && activity.priority && activity.priority !== 'normal' ? t('task.priority', { priority: t(`priority.${activity.priority}`) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
                {/* What it belongs to, unless that is the record whose timeline this is. */}
                {activity.dealId && !(owner.kind === 'deal' && owner.id === activity.dealId) ? <LinkedRecord kind="deal" id={activity.dealId} /> : null}
                {activity.caseId && !(owner.kind === 'case' && owner.id === activity.caseId) ? <LinkedRecord kind="case" id={activity.caseId} /> : null}
                <ActivityActions activity={activity} />
              </li>
            );
          })}
        </ol>
      ) : null}
      {timeline.hasMore ? (
        timeline.loadingMore ? (
          <Spinner size="tiny" label={t('app.loading')} />
        ) : (
          <Button appearance="subtle" onClick={timeline.loadMore}>
            {t('timeline.more')}
          </Button>
        )
      ) : null}
    </>
  );
}

/** The deal or case an entry belongs to, opening it: named when the pane holds it already, else by its kind (no read). */
function LinkedRecord({ kind, id }: { kind: 'deal' | 'case'; id: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const record = useCachedRecord(kind, id);
  const name = record ? ('name' in record ? record.name : `#${record.number} ${record.subject}`) : null;
  return (
    <Caption1 className={styles.linked}>
      <RecordLink to={{ kind, id }}>{name ? t(kind === 'deal' ? 'timeline.dealNamed' : 'timeline.caseNamed', { name }) : t(kind === 'deal' ? 'timeline.openDeal' : 'timeline.openCase')}</RecordLink>
    </Caption1>
  );
}
