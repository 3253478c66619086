import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useI18n } from '../i18n/I18nContext';
import { FieldList, PersonHeader } from './ContactCard';
import { Token } from './Token';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/**
 * A lead with the e-mail's address: who it is and how far it got first (name, company, status), then its address and
 * phone, then what may be done with it (`children`: its status and owner, its conversion).
 */
export function LeadCard({ lead, children }: { lead: Lead; children?: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const name = contactDisplayName(lead);
  const heading = t('lead.heading', { name });
  return (
    <section className={styles.card} aria-label={heading}>
      <PersonHeader heading={heading} name={name} email={lead.email ?? null} detail={t('lead.summary', { company: lead.companyName ?? '—', status: t(`leadStatus.${lead.status}`) })} />
      <FieldList
        rows={[
          [t('card.emails'), lead.email ? [<Token key="email">{lead.email}</Token>] : []],
          [t('card.phones'), lead.phone ? [<Token key="phone">{lead.phone.number}</Token>] : []],
        ]}
      />
      {children}
    </section>
  );
}
