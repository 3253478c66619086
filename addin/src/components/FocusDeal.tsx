import { Suspense } from 'react';
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Deal } from '@rapport/shared';
import { useLatestRecord } from '../data/latest';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { sectionIcons } from './icons';
import { RecordLink } from './RecordLink';

// What the deal would pay if won now, out of the first card's JavaScript: it comes with the closed sections' chunk.
const DealCommissionLine = lazyWithMessages(() => import('./ClosedSections'), 'DealCommissionLine');

const useStyles = makeStyles({
  deal: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  icon: { color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase500, marginBlockStart: tokens.spacingVerticalXXS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { color: tokens.colorNeutralForeground2 },
  nextStep: { overflowWrap: 'anywhere' },
});

/**
 * The person's most relevant open deal (the lookup orders them: the one this conversation is logged to, else the one
 * last worked on, else the nearest close): its name, stage, amount and expected close, and its next step when it has
 * one, where the card starts.
 */
export function FocusDeal({ deal: known }: { deal: Deal }) {
  const styles = useStyles();
  const { t, money, date } = useI18n();
  // As last saved: a change made below (the deal's editor) shows here too.
  const { record: deal } = useLatestRecord('deal', known);
  // Read once for the pane and shared with every deal it shows; until it comes, the stage waits rather than show an id.
  const pipeline = useOperation('pipeline', {});
  const stage = pipeline.data?.stages.find((candidate) => candidate.id === deal.stage)?.name ?? (pipeline.isError ? deal.stage : null);
  const facts = [
    stage ? `${t('deal.stage')}: ${stage}` : null,
    deal.amount !== undefined ? money(deal.amount, deal.currency) : null,
    deal.expectedCloseDate ? t('deal.expectedClose', { date: date(deal.expectedCloseDate) }) : null,
  ].filter((fact): fact is string => fact !== null);
  const Icon = sectionIcons.deals;
  // Closed here (won or lost): the card is read again and shows the next open deal, if any.
  if (deal.status !== 'open') return null;
  return (
    <div className={styles.deal}>
      <Icon className={styles.icon} aria-hidden />
      <div className={styles.text}>
        <Body1 className={styles.name}>
          <RecordLink to={{ kind: 'deal', id: deal.id }}>{deal.name}</RecordLink>
        </Body1>
        {facts.length > 0 ? <Caption1 className={styles.facts}>{facts.join(' · ')}</Caption1> : null}
        {deal.nextStep ? <Caption1 className={styles.nextStep}>{t('deal.nextStep', { step: deal.nextStep })}</Caption1> : null}
        <Suspense fallback={null}>
          <DealCommissionLine deal={deal} />
        </Suspense>
      </div>
    </div>
  );
}
