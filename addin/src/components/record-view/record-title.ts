import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { contractReference } from '@rapport/shared/contracts/contract.rules';
import { orderReference } from '@rapport/shared/orders/order.rules';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import type { RecordFor } from '../../api/api-types';
import type { OpenableKind } from '../../taskpane/record-navigation';

/**
 * What a record is called where it is shown: a person's name, a company's or deal's name, a case's number and subject,
 * a quote's reference ("Q-3 v2"), an order's reference, a contract's reference and name, a knowledge article's title, a
 * campaign's name.
 */
export function recordTitle<K extends OpenableKind>(kind: K, record: RecordFor<K>): string {
  switch (kind) {
    case 'contact':
    case 'lead':
      return contactDisplayName(record as RecordFor<'contact'>);
    case 'company':
    case 'deal':
    case 'campaign':
      return (record as RecordFor<'company'>).name;
    case 'case': {
      const serviceCase = record as RecordFor<'case'>;
      return `#${serviceCase.number} ${serviceCase.subject}`;
    }
    case 'quote':
      return quoteReference(record as RecordFor<'quote'>);
    case 'order':
      return orderReference(record as RecordFor<'order'>);
    case 'contract':
      return contractReference(record as RecordFor<'contract'>);
    case 'article':
      return (record as RecordFor<'article'>).title;
    default:
      return record.id;
  }
}
