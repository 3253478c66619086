import { useEffect } from 'react';
import { Avatar, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Company, Contact } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  fields: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export const CARD_SHOWN_MARK = 'rapport:card-shown';

export type ContactCardProps = { contact: Contact; company: Company | null; ownerName: string | null; otherContacts: number };

/** Who this person is: name, title, company, e-mails, phones, customer number and owner. */
export function ContactCard({ contact, company, ownerName, otherContacts }: ContactCardProps) {
  const styles = useStyles();
  // A User Timing mark: how long after opening the pane its user saw who wrote (read by the benchmark).
  // Instrumentation never breaks the card: older webviews may lack User Timing.
  useEffect(() => {
    if (typeof performance.getEntriesByName !== 'function' || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName(CARD_SHOWN_MARK).length === 0) performance.mark(CARD_SHOWN_MARK);
  }, []);
  const { t } = useI18n();
  const name = contactDisplayName(contact);
  const rows: [string, string | undefined][] = [
    [t('card.title'), contact.title],
    [t('card.company'), company?.name],
    [t('card.emails'), contact.emails.join(', ') || undefined],
    [t('card.phones'), contact.phones.map((phone) => phone.number).join(', ') || undefined],
    [t('card.customerNumber'), contact.customerNumber ?? company?.customerNumber],
    [t('card.owner'), ownerName ?? undefined],
  ];
  return (
    <section className={styles.card} aria-label={name}>
      <div className={styles.header}>
        <Avatar name={name} size={48} aria-hidden />
        <div>
          <Subtitle2 as="h2">{name}</Subtitle2>
          {contact.title && company ? (
            <div>
              <Caption1>
                {contact.title} · {company.name}
              </Caption1>
            </div>
          ) : null}
        </div>
      </div>
      <dl className={styles.fields}>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt className={styles.term}>{label}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
      </dl>
      {otherContacts > 0 ? <Caption1>{t('card.otherContacts', { count: otherContacts })}</Caption1> : null}
    </section>
  );
}
