import { ApiError, isApiError } from '../api/api-error';
import { SignInError } from '../auth/sign-in-error';
import { OutlookError } from '../graph/outlook-error';
import { OfficeCallError } from '../office/office-async';
import type { MessageKey } from './messages.en';
import type { Translator } from './i18n';

/** An error as the user reads it: what happened and what to do, whether Retry may help, and what each field needs. */
export type ErrorDescription = {
  message: string;
  /** Sending the same request again may work (nothing answered, or the API was busy). */
  retryable: boolean;
  /** Field path (as the request body names it) → what that field needs, in the user's language. */
  fields: Record<string, string>;
  code: string;
};

// zod's issue codes, as the API passes them on (details.fields[].code), in words.
const fieldMessages: Record<string, MessageKey> = {
  too_big: 'error.field.tooLong',
  too_small: 'error.field.tooShort',
  invalid_format: 'error.field.format',
  invalid_string: 'error.field.format',
  invalid_value: 'error.field.choice',
  invalid_enum_value: 'error.field.choice',
  invalid_type: 'error.field.required',
};

/** Any error the pane meets, said in the user's language; never the API's English or a browser's "Failed to fetch". */
export function describeError(error: unknown, translator: Translator): ErrorDescription {
  if (error instanceof SignInError) return { code: error.code, message: translator.errorText(error.code), retryable: true, fields: {} };
  // Outlook (its calendar through Graph, or Office.js) failed, not Rapport.
  if (error instanceof OutlookError || error instanceof OfficeCallError) return { code: 'OUTLOOK_UNAVAILABLE', message: translator.errorText('OUTLOOK_UNAVAILABLE'), retryable: true, fields: {} };
  if (!isApiError(error)) return { code: 'UNKNOWN', message: translator.errorText('UNKNOWN'), retryable: true, fields: {} };
  // The API names the role a refused action needs: only an admin may, or a manager (or an admin).
  const onlyAdmins = error.code === 'AUTH.ROLE_REQUIRED' && (error.details as { requiredRole?: unknown } | undefined)?.requiredRole === 'admin';
  const message = translator.errorText(onlyAdmins ? 'ADMIN_REQUIRED' : error.code, {
    ...(error.kind ? { kind: error.kind } : {}),
    ...(error.retryAfterSeconds ? { seconds: error.retryAfterSeconds } : {}),
  });
  return {
    code: error.code,
    message,
    retryable: error.transient || error.code === 'TIMEOUT' || error.code === 'UNKNOWN' || error.code === 'INTERNAL',
    fields: fieldsOf(error, message, translator),
  };
}

function fieldsOf(error: ApiError, message: string, translator: Translator): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    // A field refused by a rule of its own (an address another member has) reads as that error says it.
    const key = field.code ? fieldMessages[field.code] : undefined;
    const own = field.code === error.code && error.code !== 'REQUEST.VALIDATION_FAILED';
    fields[field.path] ??= own ? message : translator.t(key ?? 'error.field.invalid');
  }
  return fields;
}
