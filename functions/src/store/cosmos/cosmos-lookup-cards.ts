import type { Container } from '@azure/cosmos';
import type { AnyRecord, RecordKind } from '@rapport/shared';
import { bulkDelete, inBatches, unexpectedBulkFailure } from './cosmos-bulk';
import { readItem, statusOf } from './cosmos-read';
import { domainPartition, emailPartition, linkPartition } from './cosmos-layout';
import { indexEntriesOf, type RecordIndexEntries } from '../record-index';
import type { CardKey, CardSource } from '../store';

/** A lookup card's document: in the partition of what it is found by (an address, a domain, a company's links). */
const CARD_ID = 'card|lookup';
/** Kinds whose records a card shows (through the links of a contact or company): their writes drop those cards. */
const SHOWN_ON_CARDS: readonly RecordKind[] = ['deal', 'case', 'activity', 'contract'];
/** A card larger than this is built for each lookup rather than kept (a document holds at most 2 MB). */
const MAX_KEPT_BYTES = 1_000_000;
/** Ids per getMany when finding an import's cards: at most this many are point reads there (POINT_READS_AT_MOST). */
const POINT_READ_SLICE = 4;
const SLICES_AT_ONCE = 8;
/**
 * A card is built again once it is this old, whatever the writes: what a write missed cannot last longer. A reader on
 * another instance may read records from a replica a moment behind a write that has dropped the card already (Session
 * consistency holds within one client), and an instance of the previous release writes without dropping cards while a
 * deployment rolls (Flex Consumption has no slots).
 */
export const CARD_MAX_AGE_MS = 10 * 60_000;

type CardDoc = { id: string; pk: string; tenantId: string; entry: 'card'; version: number; building?: true; card?: unknown; _etag?: string; _ts?: number };

/** Where a card is kept: the partition its key names, where the index entries it is built from also are. */
export function cardPartition(tenantId: string, key: CardKey): string {
  switch (key.kind) {
    case 'address':
      return emailPartition(tenantId, key.email);
    case 'domain':
      return domainPartition(tenantId, key.domain);
    case 'company':
      return linkPartition(tenantId, 'company', key.id);
  }
}

/**
 * Lookup cards kept in Cosmos DB (README.md, "Lookup cards"): one point read per card; a card missing, of an older
 * version or no longer holding is built from the records and kept. A write drops every card built from what it
 * changed, after it has written the records and their index entries. A reader puts its claim in place (the card it
 * read, or a placeholder it creates) before it reads the records, and keeps what it built only if the claim is still
 * there (`IfMatch`): a write that dropped the claim meanwhile may not be in what it read, so it is not kept.
 */
export class CosmosLookupCards {
  constructor(
    private readonly index: Container,
    private readonly getMany: <K extends RecordKind>(kind: K, tenantId: string, ids: readonly string[]) => Promise<AnyRecord[]>,
    private readonly now: () => number = Date.now,
  ) {}

  async read<T>(tenantId: string, keys: readonly CardKey[], source: CardSource<T>): Promise<T[]> {
    return Promise.all(
      keys.map(async (key) => {
        const pk = cardPartition(tenantId, key);
        const doc = await this.readDoc(pk);
        if (doc && doc.tenantId === tenantId && doc.version === source.version && !doc.building && this.young(doc) && source.holds(doc.card as T)) return doc.card as T;
        const claim = doc ?? (await this.placeholder(tenantId, pk));
        const card = await source.build(key);
        if (claim?._etag) await this.keep(claim, { id: CARD_ID, pk, tenantId, entry: 'card', version: source.version, card });
        return card;
      }),
    );
  }

  /** Drops the cards a write of a record changed (its entries before and after). */
  async dropAfterWrite(kind: RecordKind, tenantId: string, id: string, before: RecordIndexEntries, after: RecordIndexEntries): Promise<void> {
    await this.drop(tenantId, await this.partitionsChanged(kind, tenantId, [{ id, entries: [before, after] }]));
  }

  /** Drops the cards an import of records changed. */
  async dropAfterImport(kind: RecordKind, tenantId: string, records: readonly { id: string; entries: RecordIndexEntries }[]): Promise<void> {
    await this.drop(tenantId, await this.partitionsChanged(kind, tenantId, records.map(({ id, entries }) => ({ id, entries: [entries] }))));
  }

  /**
   * The partitions of the cards built from a record: its addresses' and domains' (the people and companies found by
   * them), a company's own, and for what a card shows (deals, cases, activities, contracts) the cards of the contacts
   * and companies it is linked to: a contact's by its addresses, a company's by its links and its domains.
   */
  private async partitionsChanged(kind: RecordKind, tenantId: string, records: readonly { id: string; entries: RecordIndexEntries[] }[]): Promise<Set<string>> {
    const partitions = new Set<string>();
    const contactIds = new Set<string>();
    const companyIds = new Set<string>();
    for (const { id, entries } of records) {
      if (kind === 'company') companyIds.add(id);
      for (const entry of entries) {
        for (const email of entry.emails) partitions.add(emailPartition(tenantId, email));
        for (const domain of entry.domains) partitions.add(domainPartition(tenantId, domain));
        if (!SHOWN_ON_CARDS.includes(kind)) continue;
        for (const link of entry.links) {
          if (link.kind === 'contact') contactIds.add(link.id);
          if (link.kind === 'company') companyIds.add(link.id);
        }
      }
    }
    for (const id of companyIds) partitions.add(linkPartition(tenantId, 'company', id));
    // A company's domains and a contact's addresses are in its record: read, so that its cards there are found.
    if (kind !== 'company') {
      for (const company of await this.readAll('company', tenantId, [...companyIds])) {
        for (const domain of indexEntriesOf('company', company).domains) partitions.add(domainPartition(tenantId, domain));
      }
    }
    for (const contact of await this.readAll('contact', tenantId, [...contactIds])) {
      for (const email of indexEntriesOf('contact', contact).emails) partitions.add(emailPartition(tenantId, email));
    }
    return partitions;
  }

  // Records by id as point reads, a few at a time, however many an import names: a query naming thousands of ids would
  // exceed a query's size and scan its partition.
  private async readAll(kind: 'company' | 'contact', tenantId: string, ids: readonly string[]): Promise<AnyRecord[]> {
    const slices: string[][] = [];
    for (let start = 0; start < ids.length; start += POINT_READ_SLICE) slices.push(ids.slice(start, start + POINT_READ_SLICE));
    const records: AnyRecord[] = [];
    await inBatches(slices, SLICES_AT_ONCE, async (slice) => records.push(...(await this.getMany(kind, tenantId, slice))));
    return records;
  }

  private async drop(tenantId: string, partitions: ReadonlySet<string>): Promise<void> {
    const docs = [...partitions].filter((pk) => pk.startsWith(`${tenantId}|`)).map((pk) => ({ id: CARD_ID, pk }));
    const [failure] = await bulkDelete(this.index, docs);
    if (failure) throw unexpectedBulkFailure('Delete', failure);
  }

  // `_ts` is when the card was last written (seconds), by the server's clock.
  private young(doc: CardDoc): boolean {
    return doc._ts !== undefined && this.now() - doc._ts * 1000 < CARD_MAX_AGE_MS;
  }

  private readDoc(pk: string): Promise<CardDoc | null> {
    return readItem<CardDoc>(this.index, CARD_ID, pk);
  }

  /** A claim for a card no one has kept: a placeholder, or what another reader put there first. */
  private async placeholder(tenantId: string, pk: string): Promise<CardDoc | null> {
    try {
      const { resource } = await this.index.items.create<CardDoc>({ id: CARD_ID, pk, tenantId, entry: 'card', version: 0, building: true });
      return resource ?? null;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      return this.readDoc(pk);
    }
  }

  /** Keeps a built card if its claim is still there; a write that dropped the claim, or another reader, wins. */
  private async keep(claim: CardDoc, doc: CardDoc): Promise<void> {
    if (Buffer.byteLength(JSON.stringify(doc)) > MAX_KEPT_BYTES) return;
    try {
      await this.index.item(CARD_ID, claim.pk).replace(doc, { accessCondition: { type: 'IfMatch', condition: claim._etag ?? '' } });
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }
}
