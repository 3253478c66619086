import { Suspense, useEffect, type ReactNode } from 'react';
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Company, Contact, Contract } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { PersonAvatar } from './PersonAvatar';
import { RecordLink } from './RecordLink';
import { Token } from './Token';

// The contact's latest satisfaction score, and their company's contract in force and latest orders, come with the
// card's later parts (ClosedSections), their words with them: the first card's JavaScript carries none of them.
const CardFields = lazyWithMessages(() => import('./ClosedSections'), 'CardFields');

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  heading: { margin: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
  // Label and value side by side; each phone and address on a line of its own, never broken.
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', overflowWrap: 'anywhere' },
});

/** Marked once, for the first card the pane shows: how long after opening it its user saw who wrote. */
export const CARD_SHOWN_MARK = 'rapport:card-shown';
/** Marked each time a card is shown (another item, another person): the last one ends an item switch. */
export const CARD_MARK = 'rapport:card';

export type ContactCardProps = {
  contact: Contact;
  company: Company | null;
  ownerName: string | null;
  otherContacts: number;
  /** What the e-mail is most likely about (their most relevant open deal): shown right under who they are. */
  focus?: ReactNode;
  /** The service contract in force with their company (the lookup's), shown under it: whether their cases are covered. */
  contract?: Contract | null | undefined;
};

/**
 * Who this person is: name, title and company first, then what it is about, then e-mails, phones, customer number,
 * owner, their latest satisfaction score, and whether their company is covered and its latest orders.
 */
export function ContactCard({ contact, company, ownerName, otherContacts, focus, contract }: ContactCardProps) {
  const styles = useStyles();
  // User Timing marks, read by the benchmark. Instrumentation never breaks the card: older webviews may lack User Timing.
  useEffect(() => {
    if (typeof performance.getEntriesByName !== 'function' || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName(CARD_SHOWN_MARK).length === 0) performance.mark(CARD_SHOWN_MARK);
    performance.mark(CARD_MARK);
  }, []);
  const { t } = useI18n();
  const name = contactDisplayName(contact);
  const customerNumber = contact.customerNumber ?? company?.customerNumber;
  return (
    <section className={styles.card} aria-label={name}>
      <PersonHeader
        heading={<RecordLink to={{ kind: 'contact', id: contact.id }}>{name}</RecordLink>}
        name={name}
        email={contact.emails[0] ?? null}
        detail={
          contact.title || company ? (
            <>
              {/* Each in its own element: title and company are read, and wrap, apart. */}
              {contact.title ? <span>{contact.title}</span> : null}
              {contact.title && company ? ' · ' : null}
              {company ? <RecordLink to={{ kind: 'company', id: company.id }}>{company.name}</RecordLink> : null}
            </>
          ) : null
        }
      />
      {focus}
      <FieldList
        rows={[
          [t('card.emails'), contact.emails.map((email) => <Token key={email}>{email}</Token>)],
          [t('card.phones'), contact.phones.map((phone) => <Token key={phone.number}>{phone.number}</Token>)],
          [t('card.customerNumber'), customerNumber ? [<Token key="number">{customerNumber}</Token>] : []],
          [t('card.owner'), ownerName ? [ownerName] : []],
        ]}
      >
        <Suspense fallback={null}>
          <CardFields contact={contact} companyId={company?.id} contract={contract} Row={FieldRow} />
        </Suspense>
      </FieldList>
      {otherContacts > 0 ? <Caption1>{t('card.otherContacts', { count: otherContacts })}</Caption1> : null}
    </section>
  );
}

/** A person's avatar, the card's heading and a line under it (their title and company, a lead's status). */
export function PersonHeader({ heading, name, email, detail }: { heading: ReactNode; name: string; email: string | null; detail?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <PersonAvatar name={name} email={email} size={40} />
      <div className={styles.who}>
        <Subtitle2 as="h2" className={styles.heading}>
          {heading}
        </Subtitle2>
        {detail ? <Caption1 className={styles.detail}>{detail}</Caption1> : null}
      </div>
    </div>
  );
}

/**
 * A card's fields, label beside value, each value on a line of its own; rows without a value are left out. Its children
 * are rows that render themselves with FieldRow (those that load later).
 */
export function FieldList({ rows, children }: { rows: [label: string, values: ReactNode[]][]; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <dl className={styles.fields}>
      {rows.map(([label, values]) => (
        <FieldRow key={label} label={label} values={values} />
      ))}
      {children}
    </dl>
  );
}

export type FieldRowProps = { label: string; values: ReactNode[] };

/**
 * One of a card's fields, in its FieldList: nothing without a value. Given to the rows that load later rather than
 * imported by them, so that this file stays in the first card's chunk and is not split out to be shared.
 */
function FieldRow({ label, values }: FieldRowProps) {
  const styles = useStyles();
  if (values.length === 0) return null;
  return (
    <div style={{ display: 'contents' }}>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{values}</dd>
    </div>
  );
}
