import type { z } from 'zod';
import type { ErrorCode } from '../common/error-codes';
import type { MemberCapability } from '../members/capabilities.rules';
import type { FullTextFields } from '../knowledge/full-text.rules';

/** What a record is found by besides its id; the store keeps these entries (see its record index). */
export type IndexParts = {
  /** Normalized addresses that match e-mail participants. */
  emails?: string[];
  /** E-mail domains that match participants' companies. */
  domains?: string[];
  /** Search terms (see `searchTermsOf`). */
  terms?: string[];
  /** Open deals and cases, planned activities: "what is open" is then one bounded read. */
  isOpen?: boolean;
  /** The time lists and timelines sort by; the creation time when absent. */
  sortAt?: string;
  /** Ids from outside the CRM (an e-mail's internet message id): one record per id in a tenant. */
  externalRefs?: string[];
  /** What the record is found by when a text is searched for its best answers, ranked (see `fullTextOf`). */
  fullText?: FullTextFields;
};

/** A field of a record that names records of another kind, which must exist in the same tenant. */
export type ReferenceDefinition = {
  readonly field: string;
  readonly kind: string;
  /** In an array of objects, the key that holds the id: a deal's `lineItems[].productId`. */
  readonly key?: string;
  /** Indexed as a link, so the referenced record lists this one: its timeline, a company's deals. */
  readonly link?: true;
};

/** An operation on one record besides changing its fields: `POST /api/{plural}/{id}/{name}`. */
export type ActionDefinition = {
  readonly summary: string;
  readonly body: z.ZodObject;
  /** The least role that may do it; anyone who may read the record when absent (it need not be theirs). */
  readonly role?: 'manager' | 'admin';
  /** What the role lets the caller do, for the 403's message. */
  readonly allows?: string;
  /** A valid body: the OpenAPI document's example, and what the route sweeps send. */
  readonly example: Record<string, unknown>;
};

/** A kind the API lists, creates, reads, changes and deletes at `/api/{plural}`. */
export type ApiDefinition = {
  readonly input: z.ZodObject;
  readonly patch: z.ZodObject;
  /** Which of `ownerId`, `companyId`, `contactId`, `dealId`, `translationGroup`, `campaignId` a list may be filtered by. */
  readonly filters: readonly ('ownerId' | 'companyId' | 'contactId' | 'dealId' | 'translationGroup' | 'campaignId')[];
  /** Query parameters of a create, e.g. a contact's `duplicates=allow`. */
  readonly createQuery?: z.ZodObject;
  /** Who may create, change, delete and restore: any member (their own records) unless a role is named. */
  readonly write?: { readonly role: 'manager' | 'admin'; readonly allows: string; readonly capability?: MemberCapability };
  /**
   * A record whose fields are its owner's words (a tip): only its owner changes them; anyone else, managers and admins
   * too, is refused with `code` (403). Who may delete, restore and act on it is unchanged (a manager removes a tip).
   */
  readonly authorOnly?: { readonly code: ErrorCode };
  /** Valid requests: the OpenAPI document's examples, and what the route sweeps and fixtures send. */
  readonly example: {
    /** `text` goes in a name-like field; `n` makes unique values (e-mails, names) when many are made. */
    input(text: string, n: number): Record<string, unknown>;
    patch: Record<string, unknown>;
  };
  readonly actions?: Readonly<Record<string, ActionDefinition>>;
};

/** Everything generic about a kind of record besides its schema; see `defineKind`. */
export type KindTraits<Stored> = {
  readonly plural: string;
  /** English, for the API's summaries; the pane has its own words in each language. */
  readonly label: string;
  readonly references: readonly ReferenceDefinition[];
  /** Activities link to it: it has a timeline and counters of planned work. */
  readonly timeline: boolean;
  /** The owner's own work: the record is linked to its owner's member record ("my day" reads planned items so). */
  readonly linkedToOwner?: true;
  /**
   * Who reads a record: everyone in the tenant when absent; `owner`: its owner, their manager (a member whose
   * `managerId` names the manager, or who shares the manager's `team`) and admins. Anyone else is told it does not exist.
   */
  readonly readableBy?: 'owner';
  /** Grows with a tenant's history: the Cosmos adapter spreads it over partitions, by id. */
  readonly spread?: true;
  /** A per-tenant number the server gives each new record: what a customer quotes on the phone. */
  readonly numbered?: { readonly field: string };
  /** Which values of a field may follow which; the server refuses any other change with `code`. */
  readonly statusFlow?: { readonly field: string; readonly flow: Readonly<Record<string, readonly string[]>>; readonly code: ErrorCode };
  /** What a record is called where it is shown (a person's name, a case's number and subject); kinds never named elsewhere have none. */
  title?(record: Stored): string;
  /** What the record is found by besides its links; nothing when absent. */
  index?(record: Stored): IndexParts;
  /** Present when users write the kind through `/api/{plural}`. */
  readonly api?: ApiDefinition;
  /**
   * The shape's version. Bump it with an upgrade in the store's record upgrades when a change needs older
   * documents brought to the new shape; every stored document carries the version it was written in.
   */
  readonly schemaVersion: number;
};

/** A kind of record, defined once: routes, store types, index links, fixtures and the pane's client derive from it. */
export type KindDefinition<S extends z.ZodObject = z.ZodObject> = KindTraits<z.infer<S>> & { readonly schema: S };

/** Defines a kind: its stored schema, and its traits typed against what it stores. */
export function defineKind<S extends z.ZodObject, const T extends KindTraits<z.infer<S>>>(schema: S, traits: T): T & { readonly schema: S } {
  return { ...traits, schema };
}

/** The distinct non-empty values, in their first order: index entries from fields that may repeat or be unset. */
export function distinctValues(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value !== ''))];
}
