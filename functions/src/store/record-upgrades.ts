import { amountWasSetByHand, kinds, type AnyRecord, type RecordKind, type RecordOf } from '@rapport/shared';
import { campaignIdForName } from '../campaigns/campaign-ids';

/** A record as a store keeps it: its fields and the version of its kind's shape it was written in. */
export type StoredDocument<R extends AnyRecord = AnyRecord> = R & { schemaVersion: number };

type Document = Record<string, unknown>;

/**
 * The steps that bring documents written by an earlier release to today's shape, per kind: step `n` turns a document of
 * schema version `n` into one of `n + 1`. Documents the first releases wrote carry no version: they are version 1. Each
 * step only fills what an older document lacks, so running it twice changes nothing. Add a step whenever a kind's
 * `schemaVersion` is bumped (docs/adding-a-record-kind.md).
 */
const upgradeSteps: { [K in RecordKind]?: Record<number, (document: Document) => Document> } = {
  deal: {
    // 1 → 2: deals say whether their amount was set by hand, derived as `amountWasSetByHand` says.
    1: (deal) =>
      deal.amountSetByHand === undefined
        ? { ...deal, amountSetByHand: amountWasSetByHand({ amount: deal.amount as number | undefined, lineItems: (deal.lineItems ?? []) as [], currency: String(deal.currency) }) }
        : deal,
  },
  lead: {
    // 1 → 2: a lead that named its campaign in words points at the campaign of that name (made by `legacyCampaigns`).
    1: withCampaignId,
  },
  form: {
    // 1 → 2: as leads.
    1: withCampaignId,
  },
  article: {
    // 1 → 2: articles are internal or public; those written before public pages are internal.
    1: (article) => (article.visibility === undefined ? { ...article, visibility: 'internal' } : article),
  },
};

function withCampaignId(document: Document): Document {
  const name = document.campaign;
  return typeof name === 'string' && name.trim() !== '' && document.campaignId === undefined ? { ...document, campaignId: campaignIdForName(name) } : document;
}

/** The versions each kind has steps from, for the test that every bump came with its step. */
export function upgradeStepVersions(kind: RecordKind): number[] {
  return Object.keys(upgradeSteps[kind] ?? {}).map(Number).sort((a, b) => a - b);
}

export function currentSchemaVersion(kind: RecordKind): number {
  return kinds[kind].schemaVersion;
}

/** The document a store writes for a record: stamped with its kind's current schema version. */
export function documentOf<K extends RecordKind>(kind: K, record: RecordOf[K]): StoredDocument<RecordOf[K]> {
  return { ...record, schemaVersion: currentSchemaVersion(kind) };
}

/** Whether a stored document is in its kind's current shape. */
export function isCurrentDocument(kind: RecordKind, document: Document): boolean {
  return (typeof document.schemaVersion === 'number' ? document.schemaVersion : 1) >= currentSchemaVersion(kind);
}

/**
 * The record a stored document holds, in today's shape: the one place both stores turn what they read into a domain
 * record. A plain mapper, not a schema parse on every read: the writer checks each record against its kind's schema
 * before it is stored, and older documents are brought up by the steps above.
 */
export function recordFromDocument<K extends RecordKind>(kind: K, stored: object): RecordOf[K] {
  const { schemaVersion, ...fields } = stored as Document;
  let document: Document = fields;
  const steps: Record<number, (document: Document) => Document> = upgradeSteps[kind] ?? {};
  for (let version = typeof schemaVersion === 'number' ? schemaVersion : 1; version < currentSchemaVersion(kind); version++) {
    const step = steps[version];
    // Stamping a document as current without its step would skip that step for good.
    if (!step) throw new Error(`No upgrade step from version ${version} of ${kind} documents: add it to upgradeSteps`);
    document = step(document);
  }
  return document as RecordOf[K];
}
