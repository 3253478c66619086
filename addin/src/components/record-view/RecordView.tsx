import { Suspense, useEffect, useId } from 'react';
import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, CalendarAddRegular, PeopleRegular, TagRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
// The icon's own module: from the package's index it would join the icons the first card's JavaScript carries.
import { PersonFeedbackRegular } from '@fluentui/react-icons/lib/atoms/svg/person-feedback';
import { LightbulbRegular } from '@fluentui/react-icons/lib/atoms/svg/lightbulb';
import type { Article, Campaign, Case, Company, Contact, Contract, Deal, Order, Quote } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useIsCampaignManager } from '../../data/campaigns';
import { useCapabilities } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import { useOpenRecord, useRecordNavigation, type RecordRef } from '../../taskpane/record-navigation';
import { ErrorMessage } from '../ErrorMessage';
import { PersonAvatar } from '../PersonAvatar';
import { RecordSections } from '../RecordSections';
import { Section } from '../Section';
import { sectionIcons } from '../icons';
import { settingsIcons } from '../editing-icons';
import { useDealList } from '../useRecordSections';
import { DealCommissionLine } from '../commissions/DealCommissionLine';
import { CompanyContracts } from '../contracts/CompanyContracts';
import { DeleteRecord } from './DeleteRecord';
import { DuplicatesSection } from './DuplicatesSection';
import { RecordFacts } from './RecordFacts';
import { QuoteSections } from './QuoteRecord';
import { StageHistory } from './StageHistory';
import { RecordField } from './RecordField';
import { recordTitle } from './record-title';
import { useRecordView } from './useRecordView';

const DealPanel = lazyWithMessages(() => import('../DealPanel'), 'DealPanel');
const expenseViews = () => import('../expenses/ExpenseViews');
const ExpensesSection = lazyWithMessages(() => expenseViews(), 'ExpensesSection');
const DealMargin = lazyWithMessages(() => expenseViews(), 'DealMargin');
const QuotesSection = lazyWithMessages(() => import('../quotes/QuoteViews'), 'QuotesSection');
const ApplyPlanForm = lazyWithMessages(() => import('../activity-plans/ApplyPlanForm'), 'ApplyPlanForm');
const orderContractViews = () => import('../orders/OrderContractViews');
const OrderContent = lazyWithMessages(() => orderContractViews(), 'OrderContent');
const ContractTerms = lazyWithMessages(() => orderContractViews(), 'ContractTerms');
const ChangeHistory = lazyWithMessages(() => import('../ClosedSections'), 'ChangeHistory');
// A knowledge article's text comes with the Markdown renderer (and its editor); a case's suggested articles without it.
const ArticleView = lazyWithMessages(() => import('../knowledge/ArticleView'), 'ArticleView');
const CaseAnswers = lazyWithMessages(() => import('../knowledge/SuggestedAnswers'), 'CaseAnswers');
const DraftFromCase = lazyWithMessages(() => import('../knowledge/SuggestedAnswers'), 'DraftFromCase');
// A contact's and a company's surveys: with the closed sections (the record link they share with them would otherwise
// leave its first-card chunk for a file of its own).
const ContactSurveys = lazyWithMessages(() => import('../ClosedSections'), 'ContactSurveys');
const CompanySurveys = lazyWithMessages(() => import('../ClosedSections'), 'CompanySurveys');
// The team's tips for a deal, and the form that posts one.
const DealTips = lazyWithMessages(() => import('../tips/TipViews'), 'DealTips');
// A campaign's details and editor: with Settings → Campaigns and the campaign picker.
const CampaignDetails = lazyWithMessages(() => import('../campaigns/CampaignDetails'), 'CampaignDetails');

/** The records with a timeline (and documents): the others (an order, a contract) show their changes only. */
const TIMELINE_KINDS = ['contact', 'company', 'deal', 'lead', 'case'] as const;
const hasTimeline = (kind: string): kind is (typeof TIMELINE_KINDS)[number] => (TIMELINE_KINDS as readonly string[]).includes(kind);

/** The records a manager applies an activity plan to from the pane. */
const PLANNED_KINDS = ['contact', 'company', 'deal'] as const;
const takesPlans = (kind: string): kind is (typeof PLANNED_KINDS)[number] => (PLANNED_KINDS as readonly string[]).includes(kind);

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  back: { minWidth: 0, paddingLeft: 0 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  heading: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', ':focus': { outlineStyle: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  kind: { color: tokens.colorNeutralForeground2 },
  fields: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  people: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  person: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, height: 'auto', overflowWrap: 'anywhere' },
});

/**
 * One record in a view of its own, opened from anywhere in the pane, built from its kind's field table: its name and key
 * facts, every field (each changeable in place by whoever may), then its timeline, open work and changes. Back returns to
 * where it was opened.
 */
export function RecordView({ record: ref }: { record: RecordRef }) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigation = useRecordNavigation();
  const view = useRecordView(ref);
  const capabilities = useCapabilities();
  const keepsCampaigns = useIsCampaignManager();
  const record = view.record;
  const title = record ? recordTitle(ref.kind, record as never) : t(`record.kind.${ref.kind}`);
  const person = ref.kind === 'contact' || ref.kind === 'lead';
  // The kinds whose fields the view edits one by one; a quote and a knowledge article have views of their own, a
  // campaign its editor.
  const fieldKind = ref.kind === 'quote' || ref.kind === 'article' || ref.kind === 'campaign' ? null : ref.kind;
  // Opened: its top in view and its name focused, as a page the user went to (the control they used is hidden now).
  // Fluent's text presets take no ref: the heading is found by its id.
  // Opened at a section (a contact's surveys, from their card's score): that section in view, its toggle focused.
  const headingId = useId();
  const satisfactionId = useId();
  const shown = record !== undefined;
  const section = ref.section;
  useEffect(() => {
    if (!shown) return;
    const opened = section ? document.getElementById(satisfactionId) : null;
    if (opened) {
      opened.scrollIntoView({ block: 'start' });
      opened.querySelector('button')?.focus({ preventScroll: true });
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById(headingId)?.focus({ preventScroll: true });
  }, [shown, headingId, section, satisfactionId]);
  return (
    <article className={styles.view} aria-label={title}>
      <div className={styles.bar}>
        <Button appearance="subtle" className={styles.back} icon={<ArrowLeftRegular />} onClick={navigation.back}>
          {t('record.back')}
        </Button>
      </div>
      {view.query.isPending ? <Spinner size="small" label={t('app.loading')} /> : null}
      {view.query.error && !view.gone ? <ErrorMessage error={view.query.error} onRetry={() => void view.query.refetch()} /> : null}
      {record ? (
        <>
          <header className={styles.header}>
            {person ? <PersonAvatar name={title} email={(record.emails as string[] | undefined)?.[0] ?? (record.email as string | undefined) ?? null} size={40} /> : null}
            <div className={styles.who}>
              <Caption1 className={styles.kind}>{t(`record.kind.${ref.kind}`)}</Caption1>
              <Subtitle2 as="h1" className={styles.heading} tabIndex={-1} id={headingId}>
                {title}
              </Subtitle2>
              <RecordFacts kind={ref.kind} record={record} />
              {ref.kind === 'deal' && !view.gone ? <DealCommissionLine deal={record as unknown as Deal} /> : null}
            </div>
          </header>
          {view.gone ? null : ref.kind === 'quote' ? (
            // A quote reads as a document: read-only here (a draft is changed, and a sent one revised, in its editor).
            <QuoteSections quote={record as unknown as Quote} />
          ) : ref.kind === 'article' ? (
            // An article is read here (its text rendered, its languages, its changes); knowledge editors write it here too.
            <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
              <ArticleView key={ref.id} article={record as unknown as Article} reload={() => void view.reload()} startInEditor={ref.edit === true} />
            </Suspense>
          ) : (
            <>
              <Section title={t('record.details')} icon={TextBulletListSquareRegular} defaultOpen>
                {ref.kind === 'campaign' ? (
                  // Kept by campaign managers and admins, whoever owns it: its own editor, not the fields' one by one.
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <CampaignDetails key={ref.id} campaign={record as unknown as Campaign} reload={view.reload} />
                  </Suspense>
                ) : (
                  <>
                    {view.readOnly ? <Caption1 className={styles.kind}>{t('record.readOnly', { owner: view.ownerName ?? '…' })}</Caption1> : null}
                    <div className={styles.fields}>
                      {fieldKind
                        ? view.fields.map((entry) => (
                            <RecordField key={entry.name} kind={fieldKind} record={record} entry={entry} canEdit={view.canEditField(entry.name)} reload={view.reload} />
                          ))
                        : null}
                    </div>
                  </>
                )}
              </Section>
              {ref.kind === 'order' ? (
                <Section title={t('order.lines')} icon={sectionIcons.purchases} defaultOpen>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <OrderContent order={record as unknown as Order} />
                  </Suspense>
                </Section>
              ) : null}
              {ref.kind === 'contract' ? (
                <Section title={t('contract.terms')} icon={sectionIcons.cases} defaultOpen>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <ContractTerms contract={record as unknown as Contract} />
                  </Suspense>
                </Section>
              ) : null}
              {ref.kind === 'case' ? (
                <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                  {/* A closed case offers knowledge editors to become a draft article. */}
                  {record.status === 'closed' ? <DraftFromCase serviceCase={record as unknown as Case} /> : null}
                  <CaseAnswers caseId={ref.id} contactId={(record as unknown as Case).contactId} />
                </Suspense>
              ) : null}
              {ref.kind === 'deal' ? (
                <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                  <DealMargin dealId={ref.id} />
                </Suspense>
              ) : null}
              {ref.kind === 'deal' && view.canEditField('lineItems') ? <DealProducts deal={record as unknown as Deal} /> : null}
              {ref.kind === 'deal' ? (
                // Open: the tips for the stage the deal is in are what the rep came for as often as its fields.
                <Section title={t('tips.title')} icon={LightbulbRegular} defaultOpen>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <DealTips deal={record as unknown as Deal} />
                  </Suspense>
                </Section>
              ) : null}
              {ref.kind === 'deal' ? (
                <Section title={t('quotes.title')} icon={TagRegular}>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <QuotesSection dealId={ref.id} dealName={title} />
                  </Suspense>
                </Section>
              ) : null}
              {ref.kind === 'deal' ? (
                <Section title={t('record.stageHistory')} icon={sectionIcons.changes}>
                  <StageHistory deal={record as unknown as Deal} />
                </Section>
              ) : null}
              {ref.kind === 'company' ? <CompanyPeople people={view.people} /> : null}
              {ref.kind === 'company' ? (
                <Section title={t('contracts.title')} icon={sectionIcons.cases}>
                  <CompanyContracts companyId={ref.id} />
                </Section>
              ) : null}
              {ref.kind === 'contact' || ref.kind === 'company' ? (
                <div id={satisfactionId}>
                  <Section title={t('satisfaction.title')} icon={PersonFeedbackRegular} defaultOpen={section === 'satisfaction'}>
                    <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                      {ref.kind === 'contact' ? <ContactSurveys contact={record as unknown as Contact} /> : <CompanySurveys company={record as unknown as Company} />}
                    </Suspense>
                  </Section>
                </div>
              ) : null}
              {ref.kind === 'deal' || ref.kind === 'company' ? (
                <Section title={t('expenses.title')} icon={settingsIcons.currencies}>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <ExpensesSection owner={{ kind: ref.kind, id: ref.id }} currency={ref.kind === 'deal' ? (record.currency as string | undefined) : undefined} />
                  </Suspense>
                </Section>
              ) : null}
              {ref.kind === 'contact' ? <DuplicatesSection contact={record as unknown as Contact} /> : null}
              {/* Managers plan work for the record's owner: the plan's steps as planned activities on it. */}
              {capabilities.viewTeam && takesPlans(ref.kind) ? (
                <Section title={t('plans.apply')} icon={CalendarAddRegular}>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <ApplyPlanForm record={{ kind: ref.kind, id: ref.id }} />
                  </Suspense>
                </Section>
              ) : null}
              {hasTimeline(ref.kind) ? (
                <RecordSections
                  key={`${ref.kind}:${ref.id}`}
                  // No lookup brought this record's newest entries: its timeline is read (an empty list here would be taken
                  // as the whole of it, and a deal's acceptance or a logged call would never show).
                  owner={{ kind: ref.kind, id: ref.id }}
                  {...(view.hasWork ? { openDeals: view.openDeals, openCases: view.openCases } : {})}
                  {...(ref.kind === 'company' ? { companyId: ref.id } : ref.kind === 'contact' && typeof record.companyId === 'string' ? { companyId: record.companyId } : {})}
                />
              ) : (
                <Section title={t('tabs.changes')} icon={sectionIcons.changes}>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <ChangeHistory owner={ref} />
                  </Suspense>
                </Section>
              )}
            </>
          )}
          {/* Last, and kept in its place when the record is gone: after a delete its notice offers Undo, then Back. */}
          {ref.kind === 'quote' || ref.kind === 'article' ? null : (
            <DeleteRecord
              kind={ref.kind}
              record={record as never}
              onDeleted={navigation.back}
              onRestored={() => void view.reload()}
              {...(ref.kind === 'campaign' ? { allowed: keepsCampaigns } : {})}
            />
          )}
        </>
      ) : null}
    </article>
  );
}

/** A deal's products and stage, in the editor the card's open deals use. */
function DealProducts({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const list = useDealList();
  return (
    <Section title={t('record.products')} icon={sectionIcons.purchases}>
      {list.settingsError ? <ErrorMessage error={list.settingsError} onRetry={list.retrySettings} /> : null}
      {list.settings ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <DealPanel deal={deal} stages={list.settings.stages} products={list.settings.products} onSaved={() => undefined} />
        </Suspense>
      ) : (
        <Spinner size="tiny" label={t('app.loading')} />
      )}
    </Section>
  );
}

/** A company's people, each opening. */
function CompanyPeople({ people }: { people: { id: string; firstName?: string; lastName: string; title?: string }[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const openRecord = useOpenRecord();
  return (
    <Section title={t('record.people')} icon={PeopleRegular} count={people.length}>
      {people.length === 0 ? <Caption1>{t('record.noPeople')}</Caption1> : null}
      <ul className={styles.people}>
        {people.map((contact) => (
          <li key={contact.id}>
            <Button appearance="transparent" className={styles.person} onClick={() => openRecord({ kind: 'contact', id: contact.id })}>
              {contact.title ? `${contactDisplayName(contact)} · ${contact.title}` : contactDisplayName(contact)}
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
