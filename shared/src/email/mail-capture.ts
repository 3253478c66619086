// Logging a sent e-mail with the pane closed: at send time, the add-in's event handler puts Rapport's marker on the
// message as an internet header; after the send, a job finds the message in the rep's Sent Items by that marker and
// logs it once. Microsoft documents that a draft's id changes on send in classic Outlook: the marker, not the id, ties
// the draft to the sent message.

/** The internet header that carries the marker. */
export const LOG_MARKER_HEADER = 'x-rapport-log';

/**
 * The MAPI name Exchange keeps an internet header under (the PS_INTERNET_HEADERS property set): Graph finds a message
 * by the header's value with `singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`.
 */
export const LOG_MARKER_PROPERTY_ID = `String {00020386-0000-0000-C000-000000000046} Name ${LOG_MARKER_HEADER}`;

/** A marker: 128 random bits, base64url (22 characters). */
export const LOG_MARKER_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isLogMarker(value: string): boolean {
  return LOG_MARKER_PATTERN.test(value);
}

/** The Outlook category a logged message gets, so the rep sees in the message list what the CRM has. */
export const LOGGED_CATEGORY = 'Logged to Rapport';
