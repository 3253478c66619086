import {
  MAX_QUALITY_RECORDS,
  contactDisplayName,
  qualityChecks,
  reportCellsOf,
  type CountedRecord,
  type QualityCheck,
  type QualityRecordKind,
  type RecordOf,
  type ReportCell,
  type ReportContext,
  type ReportFamily,
} from '@rapport/shared';
import type { MonthRange, Store } from '../store/store';

// Records read at most per data-quality row while looking for those it counts: bounded whatever the tenant's size.
const MAX_READ_PER_CHECK = 500;
const PAGE_SIZE = 100;

type Cells = Partial<Record<ReportFamily, readonly ReportCell[]>>;
type Context = Pick<ReportContext, 'now' | 'members'>;

/**
 * The first records each data-quality row counts (at most MAX_QUALITY_RECORDS a row), so a manager opens and fixes
 * them rather than hunting for them. The cells say whose records a row counts; those owners' records are read (bounded)
 * and each is checked with the row's own rule over that record's cells, so what is listed is what is counted.
 */
export async function qualityRecords(store: Store, tenantId: string, cells: Cells, context: Context, months: MonthRange): Promise<Map<string, CountedRecord[]>> {
  const found = await Promise.all(
    qualityChecks.map(async (check) => [check.key, check.kind === 'email' ? await sharingAnAddress(store, tenantId, cells) : await countedBy(store, tenantId, check, check.kind, cells, context, months)] as const),
  );
  return new Map(found);
}

async function countedBy(store: Store, tenantId: string, check: QualityCheck, kind: QualityRecordKind, cells: Cells, context: Context, months: MonthRange): Promise<CountedRecord[]> {
  const counts = (own: readonly ReportCell[]) => check.count({ [kind]: own }, context) > 0;
  // The owners whose cells the row counts, those with the most first.
  const perOwner = new Map<string, number>();
  for (const cell of cells[kind] ?? []) {
    const counted = check.count({ [kind]: [cell] }, context);
    if (counted > 0) perOwner.set(cell.dims.owner ?? '', (perOwner.get(cell.dims.owner ?? '') ?? 0) + counted);
  }
  const owners = [...perOwner].sort((a, b) => b[1] - a[1]).map(([owner]) => owner);
  // A record's cells as the report reads them: the current ones, and the others of the months it looks at.
  const read = (cell: ReportCell) => cell.current || (cell.month >= months.from && cell.month <= months.to);
  const records: CountedRecord[] = [];
  let budget = MAX_READ_PER_CHECK;
  for (const ownerId of owners) {
    let cursor: string | undefined;
    do {
      const page = await store.list(kind, tenantId, { ownerId, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      budget -= page.items.length;
      for (const record of page.items) {
        if (records.length < MAX_QUALITY_RECORDS && counts(reportCellsOf(kind, record).filter((cell) => cell.family === kind && read(cell)))) {
          records.push({ kind, id: record.id, label: labelOf(kind, record) });
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && budget > 0 && records.length < MAX_QUALITY_RECORDS);
    if (budget <= 0 || records.length >= MAX_QUALITY_RECORDS) break;
  }
  return records;
}

/** The contacts and leads behind the addresses several of them share, each named with the address. */
async function sharingAnAddress(store: Store, tenantId: string, cells: Cells): Promise<CountedRecord[]> {
  const addresses = (cells.email ?? [])
    .filter((cell) => (cell.measures.count ?? 0) > 1)
    .map((cell) => cell.dims.email ?? '')
    .filter((address) => address !== '')
    .slice(0, MAX_QUALITY_RECORDS);
  if (addresses.length === 0) return [];
  const people = await store.findPeopleByEmails(tenantId, addresses);
  const contactIds = [...new Set(addresses.flatMap((address) => people.contacts.get(address) ?? []))];
  const leadIds = [...new Set(addresses.flatMap((address) => people.leads.get(address) ?? []))];
  const [contacts, leads] = await Promise.all([store.getMany('contact', tenantId, contactIds), store.getMany('lead', tenantId, leadIds)]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  // A converted lead's address is the contact's now: the report does not count it.
  const leadById = new Map(leads.filter((lead) => lead.status !== 'converted').map((lead) => [lead.id, lead]));
  const records: CountedRecord[] = [];
  for (const address of addresses) {
    for (const id of people.contacts.get(address) ?? []) {
      const contact = contactById.get(id);
      if (contact) records.push({ kind: 'contact', id, label: `${contactDisplayName(contact)} · ${address}` });
    }
    for (const id of people.leads.get(address) ?? []) {
      const lead = leadById.get(id);
      if (lead) records.push({ kind: 'lead', id, label: `${contactDisplayName(lead)} · ${address}` });
    }
  }
  return records.slice(0, MAX_QUALITY_RECORDS);
}

function labelOf(kind: QualityRecordKind, record: RecordOf[QualityRecordKind]): string {
  switch (kind) {
    case 'deal':
    case 'company':
      return (record as RecordOf['deal' | 'company']).name;
    case 'case': {
      const serviceCase = record as RecordOf['case'];
      return `#${serviceCase.number} ${serviceCase.subject}`;
    }
    case 'lead':
      return contactDisplayName(record as RecordOf['lead']);
  }
}
