import { z } from 'zod';
import { isEmailAddress } from '../email/email-address.rules';
import { isPhoneNumber } from '../phones/phone.rules';

export const EmailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .refine(isEmailAddress, 'must be an e-mail address such as name@example.com');

export const phoneTypes = ['work', 'mobile', 'home', 'fax', 'other'] as const;

export const PhoneSchema = z.strictObject({
  type: z.enum(phoneTypes).default('work'),
  // Kept as the user wrote it; search uses the normalized key.
  number: z
    .string()
    .trim()
    .max(40)
    .refine(isPhoneNumber, 'must be a phone number with 7 to 15 digits, e.g. +1 425 555 0100'),
});
export type Phone = z.infer<typeof PhoneSchema>;
