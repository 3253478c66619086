/** A contact's name as people read it: "John Doe", or just "Doe". */
export function contactDisplayName(contact: { firstName?: string | undefined; lastName: string }): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}
