// Log on send: what the rep chose in the pane is kept on the draft itself, as an add-in custom property (Mailbox 1.1),
// because the send handler that reads it runs with the pane closed, possibly in another runtime. Plain data only: the
// pane's adapter (draft-log-choice.ts) and the event runtime (send-event.ts) both read it.

/** The custom property's name (custom properties are the add-in's own: no other add-in sees them). */
export const LOG_CHOICE_PROPERTY = 'rapportLogOnSend';

/**
 * The rep's choice on a draft. `choice`: `auto` while they have not switched (the API logs when a recipient is a contact
 * or a lead), else `on`/`off`. `deal`: the deal the mail is about; null when they chose "no deal"; absent when nothing
 * was chosen (the card's focus deal is the default).
 */
export type DraftLogChoice = { choice: 'auto' | 'on' | 'off'; deal?: { id: string; name: string } | null };

/** The choice as stored (a JSON string), or null when the value is missing or not one the pane wrote. */
export function parseLogChoice(value: unknown): DraftLogChoice | null {
  if (typeof value !== 'string') return null;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  const { choice, deal } = (data ?? {}) as { choice?: unknown; deal?: unknown };
  if (choice !== 'auto' && choice !== 'on' && choice !== 'off') return null;
  if (deal === undefined) return { choice };
  if (deal === null) return { choice, deal: null };
  const { id, name } = deal as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { choice, deal: { id, name } } : { choice };
}

export function storedLogChoice(choice: DraftLogChoice): string {
  return JSON.stringify(choice);
}
