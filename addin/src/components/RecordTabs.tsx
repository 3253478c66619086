import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, Case, Deal, PipelineStage, Product, WorkCounters as WorkCountersOf } from '@rapport/shared';
import type { ApiClient, TimelineOwner } from '../api/api-client';
import { useCanEditRecord } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { CaseList } from './CaseList';
import { today } from './MyDay';
import { WorkCounters } from './WorkCounters';
import { ChangeHistory } from './ChangeHistory';
import { DealPanel } from './DealPanel';
import { PurchaseHistory } from './PurchaseHistory';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  entry: {
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  panel: { paddingBlock: tokens.spacingVerticalS },
  // Translations run longer than English; tabs wrap rather than run off a narrow pane.
  tabs: { flexWrap: 'wrap' },
});

export type RecordTabsProps = {
  api: ApiClient;
  owner: { kind: TimelineOwner; id: string };
  /** The latest entries the lookup already brought, shown while the full page loads. */
  initialTimeline: Activity[];
  openDeals: Deal[];
  openCases: Case[];
  /** Changes when something new was logged, so the timeline reloads. */
  refreshKey: number;
  /** The person's company, whose purchase history a tab shows. */
  companyId?: string | undefined;
  /** A deal was closed from the deals tab: the person's open deals changed. */
  onChanged?: () => void;
};

type TabId = 'timeline' | 'deals' | 'cases' | 'purchases' | 'changes';

/** The person's history, open deals, open cases, and the changes made to their record. */
export function RecordTabs({ api, owner, initialTimeline, openDeals, openCases, refreshKey, companyId, onChanged }: RecordTabsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('timeline');
  const tabLabel = {
    timeline: t('tabs.timeline'),
    deals: t('tabs.deals', { count: openDeals.length }),
    cases: t('tabs.cases', { count: openCases.length }),
    purchases: t('tabs.purchases'),
    changes: t('tabs.changes'),
  }[tab];
  return (
    <section aria-label={t('tabs.label')}>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)} size="small">
        <Tab value="timeline">{t('tabs.timeline')}</Tab>
        <Tab value="deals">{t('tabs.deals', { count: openDeals.length })}</Tab>
        <Tab value="cases">{t('tabs.cases', { count: openCases.length })}</Tab>
        {companyId ? <Tab value="purchases">{t('tabs.purchases')}</Tab> : null}
        <Tab value="changes">{t('tabs.changes')}</Tab>
      </TabList>
      <div role="tabpanel" className={styles.panel} aria-label={tabLabel}>
        {tab === 'timeline' ? <Timeline api={api} owner={owner} initial={initialTimeline} refreshKey={refreshKey} /> : null}
        {tab === 'deals' ? <DealList api={api} deals={openDeals} onChanged={onChanged} /> : null}
        {tab === 'cases' ? <CaseList api={api} cases={openCases} owner={owner} onChanged={onChanged} /> : null}
        {tab === 'purchases' && companyId ? <PurchaseHistory api={api} companyId={companyId} /> : null}
        {tab === 'changes' ? <ChangeHistory api={api} owner={owner} /> : null}
      </div>
    </section>
  );
}

function Timeline({ api, owner, initial, refreshKey, label }: { api: ApiClient; owner: RecordTabsProps['owner']; initial: Activity[]; refreshKey: number; label?: string }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [items, setItems] = useState<Activity[]>(initial);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [work, setWork] = useState<WorkCountersOf | null>(null);
  useEffect(() => {
    let cancelled = false;
    const { dayStart, dayEnd } = today();
    api.work(owner.kind, owner.id, dayStart, dayEnd).then(
      (counters) => !cancelled && setWork(counters),
      () => undefined,
    );
    api.timeline(owner.kind, owner.id).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, owner.kind, owner.id, refreshKey]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.timeline(owner.kind, owner.id, cursor);
      setItems((previous) => [...previous, ...page.items]);
      setCursor(page.nextCursor);
    } finally {
      setLoadingMore(false);
    }
  };

  const counters = work ? (
    <WorkCounters
      label={t('timeline.counters', { name: label ?? t('tabs.timeline') })}
      overdue={work.overdue}
      dueToday={work.dueToday}
      planned={work.planned}
      plannedLabel="timeline.plannedLater"
      capped={work.capped}
      size="small"
    />
  ) : null;
  if (items.length === 0)
    return (
      <>
        {counters}
        <Body1>{t('timeline.empty')}</Body1>
      </>
    );
  return (
    <>
      {counters}
      <ol className={styles.list} aria-label={label ?? t('tabs.timeline')}>
        {items.map((activity) => (
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
      {cursor ? (
        <Button appearance="subtle" onClick={() => void loadMore()} disabled={loadingMore}>
          {t('timeline.more')}
        </Button>
      ) : null}
    </>
  );
}

// A deal opens to its products, stage and closing; its history (appointments with outcomes, calls, e-mails) under it.
function DealList({ api, deals, onChanged }: { api: ApiClient; deals: Deal[]; onChanged?: (() => void) | undefined }) {
  const { t, money, date } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [settings, setSettings] = useState<{ stages: PipelineStage[]; products: Product[] } | null>(null);
  const [shown, setShown] = useState(deals);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setShown(deals), [deals]);
  useEffect(() => {
    let live = true;
    void Promise.all([api.pipeline(), api.products()]).then(
      ([pipeline, products]) => live && setSettings({ stages: pipeline.stages, products: products.items }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const canEdit = useCanEditRecord();
  const stageName = (id: string) => settings?.stages.find((stage) => stage.id === id)?.name ?? id;
  return (
    <>
      {notice ? <Body1 role="status">{notice}</Body1> : null}
      {shown.length === 0 ? <Body1>{t('deals.empty')}</Body1> : null}
      <ul className={styles.list}>
        {shown.map((deal) => (
          <li key={deal.id} className={styles.entry}>
            <Body1>
              <strong>{deal.name}</strong>
            </Body1>
            <Caption1 className={styles.meta}>
              {[
                `${t('deal.stage')}: ${stageName(deal.stage)}`,
                deal.amount !== undefined ? money(deal.amount, deal.currency) : null,
                deal.expectedCloseDate ? t('deal.expectedClose', { date: date(deal.expectedCloseDate) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Caption1>
            {canEdit(deal) ? (
              <Button appearance="subtle" size="small" aria-expanded={editing === deal.id} disabled={!settings} onClick={() => setEditing(editing === deal.id ? null : deal.id)}>
                {t('deal.edit', { name: deal.name })}
              </Button>
            ) : null}
            <Button appearance="subtle" size="small" aria-expanded={open === deal.id} onClick={() => setOpen(open === deal.id ? null : deal.id)}>
              {t('deal.history')}
            </Button>
            {editing === deal.id && settings ? (
              <DealPanel
                api={api}
                deal={deal}
                stages={settings.stages}
                products={settings.products}
                onSaved={(saved, closed) => {
                  if (closed) {
                    setNotice(t(saved.status === 'won' ? 'deal.wonNotice' : 'deal.lostNotice', { name: saved.name, amount: money(saved.amount ?? 0, saved.currency) }));
                    setEditing(null);
                    setShown((current) => current.filter((candidate) => candidate.id !== saved.id));
                    onChanged?.();
                  } else setShown((current) => current.map((candidate) => (candidate.id === saved.id ? saved : candidate)));
                }}
              />
            ) : null}
            {open === deal.id ? <Timeline api={api} owner={{ kind: 'deal', id: deal.id }} initial={[]} refreshKey={0} label={t('deal.historyOf', { name: deal.name })} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
