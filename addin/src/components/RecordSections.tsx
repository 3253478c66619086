import { Suspense, type ReactNode } from 'react';
import { Spinner, makeStyles } from '@fluentui/react-components';
import type { Activity, Case, Contract, Deal } from '@rapport/shared';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useI18n } from '../i18n/I18nContext';
import { Section } from './Section';
import { Timeline } from './Timeline';
import { sectionIcons } from './icons';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// Closed sections are neither rendered nor read until opened; their code (lists, fields, the deal editor) loads then.
const closedSections = () => import('./ClosedSections');
const DealList = lazyWithMessages(() => closedSections(), 'DealList');
const CaseList = lazyWithMessages(() => closedSections(), 'CaseList');
const ChangeHistory = lazyWithMessages(() => closedSections(), 'ChangeHistory');
const PurchaseHistory = lazyWithMessages(() => closedSections(), 'PurchaseHistory');
const DocumentsSection = lazyWithMessages(() => closedSections(), 'DocumentsSection');

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/** A record with a timeline: the person (contact), their company, a deal, a case or a lead. */
type TimelineKind = Extract<CrudKind, 'contact' | 'company' | 'deal' | 'case' | 'lead'>;

export type RecordSectionsProps = {
  owner: { kind: TimelineKind; id: string };
  /** The newest entries the lookup already brought: shown at once, and the whole timeline when there are few; read when none. */
  initialTimeline?: Activity[];
  /** The names of what those entries point at, as the lookup brought them. */
  initialRelated?: RelatedNames | undefined;
  /** A person's or company's open deals and cases; a deal, lead or case has no such sections. */
  openDeals?: Deal[];
  openCases?: Case[];
  /** The person's company, whose purchase history a section shows. */
  companyId?: string | undefined;
  /** The contract in force with the company, as the lookup brought it (`null`: none): whether the cases are covered. */
  contract?: Contract | null | undefined;
};

/**
 * The person's history, open deals, open cases, their company's purchases, the record's documents and the changes made to
 * their record: sections
 * stacked under the card, the timeline open (tabs would wrap into rows in a narrow pane).
 */
export function RecordSections({ owner, initialTimeline, initialRelated, openDeals, openCases, companyId, contract }: RecordSectionsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const later = (content: ReactNode) => <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>{content}</Suspense>;
  return (
    <section className={styles.sections} aria-label={t('tabs.label')}>
      <Section title={t('tabs.timeline')} icon={sectionIcons.timeline} defaultOpen>
        <Timeline owner={owner} latest={initialTimeline} latestRelated={initialRelated} />
      </Section>
      {openDeals ? (
        <Section title={t('tabs.openDeals')} icon={sectionIcons.deals} count={openDeals.length}>
          {later(<DealList deals={openDeals} />)}
        </Section>
      ) : null}
      {openCases ? (
        <Section title={t('tabs.openCases')} icon={sectionIcons.cases} count={openCases.length}>
          {later(<CaseList cases={openCases} owner={owner} coverage={{ companyId: owner.kind === 'company' ? owner.id : companyId, contract }} />)}
        </Section>
      ) : null}
      {companyId ? (
        <Section title={t('tabs.purchases')} icon={sectionIcons.purchases}>
          {later(<PurchaseHistory companyId={companyId} />)}
        </Section>
      ) : null}
      <Section title={t('tabs.documents')} icon={sectionIcons.documents}>
        {later(<DocumentsSection owner={owner} />)}
      </Section>
      <Section title={t('tabs.changes')} icon={sectionIcons.changes}>
        {later(<ChangeHistory owner={owner} />)}
      </Section>
    </section>
  );
}
