// What the Smart Alert's "Create contact" hands to the pane it opens (`contextData`, read back with
// getInitializationContextAsync): the address to add. JSON text, which every Outlook that has the button accepts.

type CreateContactContext = { createContact: string };

export function createContactContext(email: string): string {
  return JSON.stringify({ createContact: email } satisfies CreateContactContext);
}

/** The address a pane was opened to add, or null when it was opened some other way (or with anything else). */
export function createContactFrom(contextData: unknown): string | null {
  let data: unknown = contextData;
  if (typeof contextData === 'string') {
    try {
      data = JSON.parse(contextData);
    } catch {
      return null;
    }
  }
  const email = (data as Partial<CreateContactContext> | null)?.createContact;
  return typeof email === 'string' && email.includes('@') ? email.toLowerCase() : null;
}
