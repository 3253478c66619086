// Types only from shared: error-codes.ts is plain data, but kinds.ts loads every kind's zod schema, and the pane
// must never load zod for its messages.
import type { ErrorCode } from '@rapport/shared/common/error-codes';
import type { RecordKind } from '@rapport/shared/kinds/kinds';

/** What can go wrong before the API answers, or when its answer cannot be read. */
/**
 * Codes the pane itself words: failures that never reached the API or came from Outlook, and ADMIN_REQUIRED, the API's
 * AUTH.ROLE_REQUIRED when its details name the admin role (only an admin may, not "a manager or an admin").
 */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'UNKNOWN' | 'SIGN_IN_CANCELLED' | 'SIGN_IN_FAILED' | 'OUTLOOK_UNAVAILABLE' | 'ADMIN_REQUIRED';

/**
 * A message for every error the user can meet, in one language: what happened and what to do, in plain words.
 * Placeholders, the same in every language for a code:
 * - `{kind}`: the record the error is about (its `details.kind`), as that language's `KindNames` name;
 * - `{seconds}`: how long to wait (its `details.retryAfterSeconds`).
 * What a field needs is shown at the field by the form, so no message names a field.
 */
export type ErrorMessages = Record<ErrorCode | ClientErrorCode, string>;

/** The rules of the views that load on first use: their messages load with those views (errors.later.*.ts). */
export const laterErrorPrefixes = ['DOCUMENT', 'COMMISSION', 'TEMPLATE', 'SETTINGS', 'FORM', 'TIP', 'REPORT', 'PRODUCT', 'PIPELINE', 'EXPENSE', 'ACTIVITY_PLAN', 'QUOTE', 'PUBLIC_LINK', 'ORDER', 'CONTRACT', 'MEMBER', 'ARTICLE', 'KNOWLEDGE', 'SURVEY', 'CAMPAIGN', 'LINK'] as const;
export type LaterErrorCode = Extract<ErrorCode, `${(typeof laterErrorPrefixes)[number]}.${string}`>;
/** The messages in the pane's first JavaScript: every code but the later ones. */
export type FirstErrorMessages = Record<Exclude<ErrorCode | ClientErrorCode, LaterErrorCode>, string>;
export type LaterErrorMessages = Record<LaterErrorCode, string>;

/**
 * The name of each kind of record, as `{kind}` takes it: lower case, singular where the language allows, with its
 * definite article (en "the deal", es "la oportunidad", pt "o negócio", it "l’attività"), so that Romance articles
 * never have to agree with a word chosen at run time. In return, a message puts `{kind}` only where a name with its
 * article reads well whatever its gender and number:
 * - as the object right after a verb: "Someone else changed {kind} first";
 * - never after a preposition (es "del", pt "do"/"no", it "del"/"nel" contract with the article);
 * - never as a subject, and never with an adjective, participle or pronoun that refers back to it (es "eliminado/a",
 *   pt "-o/-a", it "lo/la" would have to agree, and pt "as configurações", it "le impostazioni" are plural).
 */
export type KindNames = Record<RecordKind, string>;
