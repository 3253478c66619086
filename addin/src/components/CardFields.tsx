import type { ComponentType } from 'react';
import type { Contact, Contract } from '@rapport/shared';
import type { FieldRowProps } from './ContactCard';
import { CompanyFields } from './orders/CompanyFields';
import { SatisfactionRow } from './surveys/SatisfactionRow';

/**
 * A contact card's fields that load after it, each a row of the card's own (`Row`): the contact's latest satisfaction
 * score, then their company's contract in force and latest orders.
 */
export function CardFields({ contact, companyId, contract, Row }: { contact: Contact; companyId: string | undefined; contract: Contract | null | undefined; Row: ComponentType<FieldRowProps> }) {
  return (
    <>
      <SatisfactionRow contact={contact} Row={Row} />
      {companyId ? <CompanyFields companyId={companyId} contract={contract} Row={Row} /> : null}
    </>
  );
}
