import { useId, type ReactNode } from 'react';
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { SearchResponse } from '@rapport/shared/contract/search.schema';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { CaseStatus } from '@rapport/shared/cases/case-kinds';
import { useI18n } from '../i18n/I18nContext';
import { useOpenRecord, type OpenableKind } from '../taskpane/record-navigation';
import { PersonAvatar } from './PersonAvatar';
import { sectionIcons } from './icons';
import { CountBadge, StatusBadge, type BadgeTone } from './StatusBadge';
import { TokenList } from './TokenList';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // A result is one button as wide as the pane: Tab reaches it, Enter or a click opens its record.
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  icon: { flexShrink: 0, fontSize: '20px', width: '24px', height: '24px', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', color: tokens.colorNeutralForeground2 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  // The name whole, wrapping between words (a deal's name is often its company and what is sold); the rest below it.
  name: { overflowWrap: 'break-word' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  caseLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', minWidth: 0 },
});

/** Whether a search found anything at all. */
export function hasResults(results: SearchResponse): boolean {
  return results.contacts.length + results.companies.length + results.deals.length + results.leads.length + results.cases.length > 0;
}

// A case's status at a glance: new work stands out, waiting is amber, finished is quiet.
const caseTones: Record<CaseStatus, BadgeTone> = { new: 'brand', assigned: 'informative', pending: 'severe', closed: 'success', rejected: 'subtle' };

/** What a search found, in sections of each kind (only those with results, each with its count); every row opens its record. */
export function SearchResults({ results }: { results: SearchResponse }) {
  const styles = useStyles();
  const { t, money } = useI18n();
  return (
    <div className={styles.sections}>
      <ResultSection title={t('search.contacts')} count={results.contacts.length}>
        {results.contacts.map(({ contact, company }) => {
          const name = contactDisplayName(contact);
          return (
            <ResultRow key={contact.id} kind="contact" id={contact.id} leading={<PersonAvatar name={name} email={contact.emails[0] ?? null} />} title={company ? `${name} · ${company.name}` : name}>
              <Body1 className={styles.name}>
                <strong>{name}</strong>
                {company ? <span className={styles.meta}> · {company.name}</span> : null}
              </Body1>
              <Caption1 className={styles.meta}>
                <TokenList values={present([contact.emails[0], contact.phones[0]?.number, contact.customerNumber])} />
              </Caption1>
            </ResultRow>
          );
        })}
      </ResultSection>
      <ResultSection title={t('search.companies')} count={results.companies.length}>
        {results.companies.map((company) => (
          <ResultRow key={company.id} kind="company" id={company.id} leading={<PersonAvatar name={company.name} email={company.domains[0] ?? null} square />} title={company.name}>
            <Body1 className={styles.name}>
              <strong>{company.name}</strong>
            </Body1>
            <Caption1 className={styles.meta}>
              <TokenList values={present([company.domains[0], company.customerNumber])} />
            </Caption1>
          </ResultRow>
        ))}
      </ResultSection>
      <ResultSection title={t('search.deals')} count={results.deals.length}>
        {results.deals.map(({ deal, company, stageName }) => (
          <ResultRow key={deal.id} kind="deal" id={deal.id} leading={<sectionIcons.deals className={styles.icon} aria-hidden />} title={deal.name}>
            <Body1 className={styles.name}>
              <strong>{deal.name}</strong>
            </Body1>
            <Caption1 className={styles.meta}>
              <TokenList values={present([company?.name, stageName, deal.amount !== undefined ? money(deal.amount, deal.currency) : null])} />
            </Caption1>
          </ResultRow>
        ))}
      </ResultSection>
      <ResultSection title={t('search.leads')} count={results.leads.length}>
        {results.leads.map((lead) => {
          const name = contactDisplayName(lead);
          return (
            <ResultRow key={lead.id} kind="lead" id={lead.id} leading={<PersonAvatar name={name} email={lead.email ?? null} />} title={name}>
              <Body1 className={styles.name}>
                <strong>{name}</strong>
              </Body1>
              <Caption1 className={styles.meta}>
                <TokenList values={present([lead.companyName, t(`leadStatus.${lead.status}`)])} />
              </Caption1>
            </ResultRow>
          );
        })}
      </ResultSection>
      <ResultSection title={t('search.cases')} count={results.cases.length}>
        {results.cases.map(({ case: serviceCase, contact, company }) => (
          <ResultRow key={serviceCase.id} kind="case" id={serviceCase.id} leading={<sectionIcons.cases className={styles.icon} aria-hidden />} title={serviceCase.subject}>
            <Body1 className={styles.name}>
              <strong>{t('search.caseNumber', { number: serviceCase.number })}</strong> {serviceCase.subject}
            </Body1>
            <span className={styles.caseLine}>
              <StatusBadge tone={caseTones[serviceCase.status]}>{t(`caseStatus.${serviceCase.status}`)}</StatusBadge>
              <Caption1 className={styles.meta}>
                <TokenList values={present([contact?.name, company?.name])} />
              </Caption1>
            </span>
          </ResultRow>
        ))}
      </ResultSection>
    </div>
  );
}

/** A kind's results under its title and count; nothing when it found none. */
function ResultSection({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  if (count === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {title}
        <CountBadge count={count} />
      </Subtitle2>
      <ul className={styles.list} aria-label={title}>
        {children}
      </ul>
    </section>
  );
}

/** One result: a button that opens its record in the pane. */
function ResultRow({ kind, id, leading, title, children }: { kind: OpenableKind; id: string; leading: ReactNode; title: string; children: ReactNode }) {
  const styles = useStyles();
  const openRecord = useOpenRecord();
  return (
    <li>
      <button type="button" className={styles.row} title={title} onClick={() => openRecord({ kind, id })}>
        {leading}
        <span className={styles.text}>{children}</span>
      </button>
    </li>
  );
}

const present = (values: (string | null | undefined)[]): string[] => values.filter((value): value is string => Boolean(value));
