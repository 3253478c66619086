import type { LookupResult } from '@rapport/shared';
import type { MailItem } from '../../office/mail-item';
import { AnswersSection } from './AnswersSection';

// A closed case offered to knowledge editors as a draft article: through this boundary, which a case's view and the card's
// later parts load already, rather than a lazy boundary of its own (that would split a first-card chunk).
export { DraftFromCase } from './DraftFromCase';

/** How many articles the card suggests for an e-mail: the best few, the search finds the rest. */
const CARD_SUGGESTIONS = 3;

export type EmailAnswersProps = {
  /** The open e-mail: its subject, and its text read when the answers are asked for. */
  item: MailItem;
  readBody: () => Promise<string>;
  /** What the CRM knows of the sender in view: their products and language rank and word the answers. */
  selected: LookupResult;
};

/**
 * The answers for a customer's received e-mail, on their card (none for a draft or a meeting): matched on its subject and text, their products first, in their
 * language; about their open case when they have exactly one (its product then counts).
 */
export function EmailAnswers({ item, readBody, selected }: EmailAnswersProps) {
  // A draft has Insert article instead; a meeting is not a question.
  if (item.mode !== 'message-read') return null;
  const onlyCase = selected.openCases.length === 1 ? selected.openCases[0] : undefined;
  return (
    <AnswersSection
      about="email"
      request={{ itemKey: item.key, subject: item.subject, readText: readBody, contactId: selected.contact?.id, caseId: onlyCase?.id, limit: CARD_SUGGESTIONS }}
    />
  );
}

/** The answers for a case, on its view: matched on its subject and description, its product (or the customer's) first. */
export function CaseAnswers({ caseId, contactId }: { caseId: string; contactId?: string | undefined }) {
  return <AnswersSection about="case" request={{ itemKey: `case:${caseId}`, caseId, contactId, limit: CARD_SUGGESTIONS }} />;
}
