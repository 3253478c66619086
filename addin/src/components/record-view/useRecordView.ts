import { useRef } from 'react';
import type { Case, Deal } from '@rapport/shared';
import { caseIsOpen } from '@rapport/shared/cases/case-kinds';
import type { FieldEntry } from '@rapport/shared/contract/field-table';
import { fieldTable } from '../../api/field-table';
import { useRecord, useRecordList } from '../../data/queries';
import { useCanEdit, useCapabilities, useMemberNames } from '../../hooks/useMe';
import type { RecordRef } from '../../taskpane/record-navigation';

// Fields the record view does not show as fields: a deal's lines and whether its amount follows them are changed in
// its products editor (DealPanel), where "Use the lines' total" sets `amountSetByHand`; a contract's coverage and terms
// in their own section (ContractTerms); a lead's campaign name is the server's, kept from the campaign chosen (campaignId).
const editedElsewhere: Record<string, readonly string[]> = { deal: ['lineItems', 'amountSetByHand'], contract: ['covered', 'renewal', 'serviceLevel', 'value'], lead: ['campaign'] };
// A kind the field table does not hold (a quote) shows no field editors: its view is its own (QuoteRecord.tsx).
const tableOf: Partial<Record<RecordRef['kind'], FieldEntry[]>> = fieldTable;

/**
 * What a record's view shows: the record (read again when stale), its fields from the kind's field table, who may change
 * them, and for a person or a company their open deals and cases and (a company's) people.
 */
export function useRecordView(ref: RecordRef) {
  const query = useRecord(ref.kind, ref.id);
  const read = query.data as (Record<string, unknown> & { id: string; version: number; ownerId: string }) | undefined;
  // The last version seen stays after a delete from this view (its query then fails), for the notice that offers Undo.
  const lastSeen = useRef(read);
  if (read) lastSeen.current = read;
  const record = read ?? lastSeen.current;
  const canEditRecord = useCanEdit(record ?? { ownerId: '' });
  const canEdit = canEditRecord === true && record !== undefined;
  const nameOf = useMemberNames();
  const { reassign } = useCapabilities();
  const fields = (tableOf[ref.kind] ?? []).filter((entry) => !(editedElsewhere[ref.kind] ?? []).includes(entry.name));

  // A person's or company's open work: read with the view; closed deals and cases are in their own history.
  const filter = ref.kind === 'contact' ? { contactId: ref.id } : ref.kind === 'company' ? { companyId: ref.id } : null;
  const deals = useRecordList('deal', { ...filter, limit: 50 }, { enabled: filter !== null });
  const cases = useRecordList('case', { ...filter, limit: 50 }, { enabled: filter !== null });
  const people = useRecordList('contact', { companyId: ref.id, limit: 50 }, { enabled: ref.kind === 'company' });
  const openDeals: Deal[] = (deals.data?.items ?? []).filter((deal) => deal.status === 'open');
  const openCases: Case[] = (cases.data?.items ?? []).filter((serviceCase) => caseIsOpen(serviceCase.status));

  return {
    query,
    record,
    /** Known not to be the user's to change (someone else's, and the user no manager): the view says whose it is. */
    readOnly: canEditRecord === false && record !== undefined,
    ownerName: record ? nameOf(record.ownerId) : null,
    /** The record is shown as it was last read, but is gone (deleted here, or by someone else). */
    gone: !read && record !== undefined,
    fields,
    /** Whether the user may change this field: the record's (own or as a manager), and its owner only with the right to reassign. */
    canEditField: (name: string) => canEdit && (name !== 'ownerId' || reassign),
    openDeals,
    openCases,
    hasWork: filter !== null,
    people: people.data?.items ?? [],
    reload: () => query.refetch(),
  };
}
