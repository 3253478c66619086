import type { Address } from '../common/record.schema';
import type { Phone } from '../common/contact-fields.schema';
import { normalizeEmail } from '../email/email-address.rules';
import { samePhoneNumber } from '../phones/phone.rules';
import { foldText } from '../search/search-terms.rules';

/** Why two contacts are suspected to be one person. */
export const duplicateReasons = ['sharedEmail', 'sameNameAtCompany'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** The most suspected duplicates one answer lists. */
export const MAX_SUSPECTED_DUPLICATES = 10;

// The schema's limits: a merge adds e-mails and phones up to these, never past them.
export const MAX_CONTACT_EMAILS = 10;
export const MAX_CONTACT_PHONES = 10;

type Mergeable = {
  firstName?: string | undefined;
  lastName: string;
  emails: readonly string[];
  phones: readonly Phone[];
  title?: string | undefined;
  companyId?: string | undefined;
  customerNumber?: string | undefined;
  address?: Address | undefined;
  doNotSurvey?: boolean | undefined;
  lastSurveyedAt?: string | undefined;
  lastSurveyId?: string | undefined;
  satisfaction?: { type: 'csat' | 'nps'; score: number; at: string; surveyId: string } | undefined;
};

/** A name as duplicates are matched by it: case, accents and spacing aside (`José  García` is `jose garcia`). */
export function foldedName(contact: { firstName?: string | undefined; lastName: string }): string {
  return [contact.firstName ?? '', contact.lastName].map((part) => foldText(part).trim().replace(/\s+/g, ' ')).join('|');
}

/** Whether two contacts have the same first and last name (folded): a duplicate when at the same company. */
export function sameName(a: { firstName?: string | undefined; lastName: string }, b: { firstName?: string | undefined; lastName: string }): boolean {
  return foldedName(a) === foldedName(b);
}

/**
 * What the survivor of a merge gains from the duplicate: the fields it lacks (first name, title, company, customer
 * number, address), and the duplicate's e-mails and phones it does not have, within the schema's limits; a "do not
 * survey", and a later survey or answer. Its own values always stay; an empty object when it lacks nothing.
 */
export function mergeGains(survivor: Mergeable, duplicate: Mergeable): Partial<Mergeable> {
  const gains: Partial<Mergeable> = {};
  if (!survivor.firstName && duplicate.firstName) gains.firstName = duplicate.firstName;
  if (!survivor.title && duplicate.title) gains.title = duplicate.title;
  if (!survivor.companyId && duplicate.companyId) gains.companyId = duplicate.companyId;
  if (!survivor.customerNumber && duplicate.customerNumber) gains.customerNumber = duplicate.customerNumber;
  // An address is taken whole: a street of one and a city of the other would be nobody's address.
  if (!hasAddress(survivor.address) && hasAddress(duplicate.address)) gains.address = duplicate.address;
  const known = new Set(survivor.emails.map((email) => normalizeEmail(email) ?? email));
  const emails = [...survivor.emails];
  for (const email of duplicate.emails) {
    const key = normalizeEmail(email) ?? email;
    if (known.has(key) || emails.length >= MAX_CONTACT_EMAILS) continue;
    known.add(key);
    emails.push(email);
  }
  if (emails.length > survivor.emails.length) gains.emails = emails;
  const phones = [...survivor.phones];
  for (const phone of duplicate.phones) {
    if (phones.length >= MAX_CONTACT_PHONES || phones.some((kept) => samePhoneNumber(kept.number, phone.number))) continue;
    phones.push(phone);
  }
  if (phones.length > survivor.phones.length) gains.phones = phones;
  // Surveys: a "no" from either person holds for both; the latest survey sent and the latest answer are kept.
  if (duplicate.doNotSurvey && !survivor.doNotSurvey) gains.doNotSurvey = true;
  if (duplicate.lastSurveyedAt && (!survivor.lastSurveyedAt || duplicate.lastSurveyedAt > survivor.lastSurveyedAt)) {
    gains.lastSurveyedAt = duplicate.lastSurveyedAt;
    if (duplicate.lastSurveyId) gains.lastSurveyId = duplicate.lastSurveyId;
  }
  if (duplicate.satisfaction && (!survivor.satisfaction || duplicate.satisfaction.at > survivor.satisfaction.at)) gains.satisfaction = duplicate.satisfaction;
  return gains;
}

function hasAddress(address: Address | undefined): address is Address {
  return address !== undefined && Object.values(address).some((value) => typeof value === 'string' && value !== '');
}
