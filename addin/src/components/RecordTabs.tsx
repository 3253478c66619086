import { Body1, Button, Caption1, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, Case, Deal } from '@rapport/shared';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import { useLatestRecord } from '../data/latest';
import { useCanEditRecord } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { CaseList } from './CaseList';
import { ChangeHistory } from './ChangeHistory';
import { DealPanel } from './DealPanel';
import { ErrorMessage } from './ErrorMessage';
import { PurchaseHistory } from './PurchaseHistory';
import { WorkCounters } from './WorkCounters';
import { useDealList, useRecordTabs, useTimelineTab } from './useRecordTabs';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  entry: {
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS },
  // Translations run longer than English; tabs wrap rather than run off a narrow pane.
  tabs: { flexWrap: 'wrap' },
});

/** A record with a timeline: the person (contact), their company, a deal, a case or a lead. */
type TimelineKind = Extract<CrudKind, 'contact' | 'company' | 'deal' | 'case' | 'lead'>;

export type RecordTabsProps = {
  owner: { kind: TimelineKind; id: string };
  /** The newest entries the lookup already brought: shown at once, and the whole timeline when there are few. */
  initialTimeline: Activity[];
  openDeals: Deal[];
  openCases: Case[];
  /** The person's company, whose purchase history a tab shows. */
  companyId?: string | undefined;
};

/** The person's history, open deals, open cases, and the changes made to their record. */
export function RecordTabs({ owner, initialTimeline, openDeals, openCases, companyId }: RecordTabsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { tab, selectTab, tabs, label } = useRecordTabs({ openDeals, openCases, companyId });
  return (
    <section aria-label={t('tabs.label')}>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => selectTab(data.value as typeof tab)} size="small">
        {tabs.map((one) => (
          <Tab key={one.value} value={one.value}>
            {one.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" className={styles.panel} aria-label={label}>
        {tab === 'timeline' ? <Timeline owner={owner} latest={initialTimeline} /> : null}
        {tab === 'deals' ? <DealList deals={openDeals} /> : null}
        {tab === 'cases' ? <CaseList cases={openCases} owner={owner} /> : null}
        {tab === 'purchases' && companyId ? <PurchaseHistory companyId={companyId} /> : null}
        {tab === 'changes' ? <ChangeHistory owner={owner} /> : null}
      </div>
    </section>
  );
}

function Timeline({ owner, latest, label }: { owner: RecordTabsProps['owner']; latest?: Activity[]; label?: string }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const timeline = useTimelineTab(owner, latest);
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
          {timeline.items.map((activity) => (
            <li key={activity.id} className={styles.entry}>
              <Body1>
                <strong>{t(`kind.${activity.kind}`)}</strong> · {activity.subject}
              </Body1>
              <Caption1 className={styles.meta}>
                {[
                  dateTime(activity.at),
                  activity.contactMethod ? t(`method.${activity.contactMethod}`) : null,
                  activity.outcome ? t(`outcome.${activity.outcome}`) : activity.status !== 'done' ? t(`status.${activity.status}`) : null,
                  activity.kind === 'task' && activity.priority && activity.priority !== 'normal' ? t('task.priority', { priority: t(`priority.${activity.priority}`) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
            </li>
          ))}
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

// A deal opens to its products, stage and closing; its history (appointments with outcomes, calls, e-mails) under it.
function DealList({ deals }: { deals: Deal[] }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const list = useDealList();
  const closed = list.closed?.deal;
  return (
    <>
      {closed ? (
        <Body1 role="status">
          {t(closed.status === 'won' ? 'deal.wonNotice' : 'deal.lostNotice', { name: closed.name, amount: money(closed.amount ?? 0, closed.currency) })}
        </Body1>
      ) : null}
      {list.settingsError ? <ErrorMessage error={list.settingsError} onRetry={list.retrySettings} /> : null}
      {deals.length === 0 ? <Body1>{t('deals.empty')}</Body1> : null}
      <ul className={styles.list}>
        {deals.map((deal) => (
          <DealRow key={deal.id} deal={deal} list={list} />
        ))}
      </ul>
    </>
  );
}

function DealRow({ deal: known, list }: { deal: Deal; list: ReturnType<typeof useDealList> }) {
  const { t, money, date } = useI18n();
  const styles = useStyles();
  const canEdit = useCanEditRecord();
  // The deal as last saved: a change made here shows at once, and a deal closed here leaves the open deals.
  const { record: deal } = useLatestRecord('deal', known);
  if (deal.status !== 'open' && list.editing !== deal.id) return null;
  return (
    <li className={styles.entry}>
      <Body1>
        <strong>{deal.name}</strong>
      </Body1>
      <Caption1 className={styles.meta}>
        {[
          `${t('deal.stage')}: ${list.stageName(deal.stage)}`,
          deal.amount !== undefined ? money(deal.amount, deal.currency) : null,
          deal.expectedCloseDate ? t('deal.expectedClose', { date: date(deal.expectedCloseDate) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Caption1>
      {canEdit(deal) ? (
        <Button appearance="subtle" size="small" aria-expanded={list.editing === deal.id} onClick={() => list.toggleEditing(deal.id)}>
          {t('deal.edit', { name: deal.name })}
        </Button>
      ) : null}
      <Button appearance="subtle" size="small" aria-expanded={list.open === deal.id} onClick={() => list.toggleHistory(deal.id)}>
        {t('deal.history')}
      </Button>
      {list.editing === deal.id && list.settingsLoading ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {list.editing === deal.id && list.settings ? (
        <DealPanel deal={deal} stages={list.settings.stages} products={list.settings.products} onSaved={(saved, closed) => closed && list.onClosed(saved)} />
      ) : null}
      {list.open === deal.id ? <Timeline owner={{ kind: 'deal', id: deal.id }} label={t('deal.historyOf', { name: deal.name })} /> : null}
    </li>
  );
}
