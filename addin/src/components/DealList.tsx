import { Suspense, useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { TagRegular } from '@fluentui/react-icons';
import type { Deal } from '@rapport/shared';
import { useLatestRecord } from '../data/latest';
import { useCanEditRecord } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

import { Timeline } from './Timeline';
import { useDealList } from './useRecordSections';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { editIcons } from './editing-icons';
import { RecordLink } from './RecordLink';
import { DealCommissionLine } from './commissions/DealCommissionLine';

// The editor's lists, fields and radios load when a deal is first opened for a change, not with the card.
const DealPanel = lazyWithMessages(() => import('./DealPanel'), 'DealPanel');
// A deal's quotes load when first opened.
const QuotesSection = lazyWithMessages(() => import('./quotes/QuoteViews'), 'QuotesSection');

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: 'break-word' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** A person's open deals: each opens to its products, stage and closing, and to its history (appointments, calls, e-mails). */
export function DealList({ deals }: { deals: Deal[] }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const list = useDealList();
  const closed = list.closed?.deal;
  return (
    <>
      {closed ? (
        <Body1 role="status" className={styles.name}>
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
  const [quotesOpen, setQuotesOpen] = useState(false);
  if (deal.status !== 'open' && list.editing !== deal.id) return null;
  const loading = <Spinner size="tiny" label={t('app.loading')} />;
  return (
    <li className={styles.entry}>
      <Body1 className={styles.name}>
        <RecordLink to={{ kind: 'deal', id: deal.id }}>
          <strong>{deal.name}</strong>
        </RecordLink>
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
      <DealCommissionLine deal={deal} />
      {/* The deal's name is in each button's name (every deal has them, and the timeline is a history too), not on it. */}
      <div className={styles.actions}>
        {canEdit(deal) ? (
          <Button
            appearance="subtle"
            size="small"
            icon={<editIcons.edit />}
            aria-label={t('deal.edit', { name: deal.name })}
            aria-expanded={list.editing === deal.id}
            onClick={() => list.toggleEditing(deal.id)}
          >
            {t('deal.editShort')}
          </Button>
        ) : null}
        <Button
          appearance="subtle"
          size="small"
          icon={<editIcons.history />}
          aria-label={t('deal.historyOf', { name: deal.name })}
          aria-expanded={list.open === deal.id}
          onClick={() => list.toggleHistory(deal.id)}
        >
          {t('deal.history')}
        </Button>
        <Button appearance="subtle" size="small" icon={<TagRegular />} aria-label={t('quotes.of', { name: deal.name })} aria-expanded={quotesOpen} onClick={() => setQuotesOpen((open) => !open)}>
          {t('quotes.title')}
        </Button>
      </div>
      {list.editing === deal.id && list.settingsLoading ? loading : null}
      {list.editing === deal.id && list.settings ? (
        <Suspense fallback={loading}>
          <DealPanel deal={deal} stages={list.settings.stages} products={list.settings.products} onSaved={(saved, closed) => closed && list.onClosed(saved)} />
        </Suspense>
      ) : null}
      {quotesOpen ? (
        <Suspense fallback={loading}>
          <QuotesSection dealId={deal.id} dealName={deal.name} />
        </Suspense>
      ) : null}
      {list.open === deal.id ? <Timeline owner={{ kind: 'deal', id: deal.id }} label={t('deal.historyOf', { name: deal.name })} /> : null}
    </li>
  );
}
