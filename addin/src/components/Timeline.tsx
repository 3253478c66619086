import { useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, ActivityKind } from '@rapport/shared/activities/activity.schema';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import type { RecordSectionsProps } from './RecordSections';
import { WorkCounters } from './WorkCounters';
import { useTimelineSection } from './useRecordSections';
import { TimelineEntry } from './TimelineEntry';
import { TimelineFilter } from './TimelineFilter';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  group: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/**
 * A record's activities with the counters of its planned work: what is planned first (the soonest first), then what
 * happened (newest first); "Show older" pages on. A filter shows one kind among the entries read so far.
 */
export function Timeline({ owner, latest, latestRelated, label }: { owner: RecordSectionsProps['owner']; latest?: Activity[]; latestRelated?: RelatedNames | undefined; label?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const timeline = useTimelineSection(owner, latest, latestRelated);
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const name = label ?? t('tabs.timeline');
  const shown = kind ? timeline.items.filter((activity) => activity.kind === kind) : timeline.items;
  const planned = shown.filter((activity) => activity.status === 'planned').reverse();
  const history = shown.filter((activity) => activity.status !== 'planned');
  // One list of entries, each with what can be done with it.
  const list = (items: Activity[], listLabel: string) => (
    <ol className={styles.list} aria-label={listLabel}>
      {items.map((activity) => (
        <TimelineEntry key={activity.id} activity={activity} related={timeline.related} owner={owner} />
      ))}
    </ol>
  );
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
      {timeline.items.length > 0 ? <TimelineFilter value={kind} onChange={setKind} /> : null}
      {planned.length > 0 ? (
        <>
          <Caption1 className={styles.group}>
            {t('timeline.planned')}
          </Caption1>
          {list(planned, t('timeline.plannedOf', { name }))}
          {history.length > 0 ? (
            <Caption1 className={styles.group}>
              {t('timeline.history')}
            </Caption1>
          ) : null}
        </>
      ) : null}
      {history.length > 0 ? list(history, name) : null}
      {kind && timeline.items.length > 0 && shown.length === 0 ? <Body1>{t('timeline.noneOfKind')}</Body1> : null}
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
