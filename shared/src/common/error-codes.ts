// Plain data, no schema: the task pane imports this without loading zod.

/**
 * Every error code the API answers, a closed set: clients branch on them and the pane has a message for each in every
 * language. A code is written out here, never composed at run time; what it is about (the kind of record, the field)
 * travels in the error's details.
 */
export const errorCodes = [
  // A request the API cannot read.
  'REQUEST.VALIDATION_FAILED',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.BODY_REQUIRED',
  'REQUEST.BODY_TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.INVALID_CURSOR',
  'REQUEST.INVALID_IF_MATCH',
  'REQUEST.INVALID_IDEMPOTENCY_KEY',
  'REQUEST.VERSION_REQUIRED',
  'REQUEST.RATE_LIMITED',
  'ROUTE.NOT_FOUND',
  'ROUTE.METHOD_NOT_ALLOWED',
  'IDEMPOTENCY.KEY_REUSED',
  // Who is calling, and what they may do.
  'AUTH.TOKEN_MISSING',
  'AUTH.TOKEN_INVALID',
  'AUTH.SCOPE_MISSING',
  'AUTH.KEYS_UNAVAILABLE',
  'AUTH.ROLE_REQUIRED',
  'AUTH.NOT_RECORD_OWNER',
  'AUTH.MEMBER_DEACTIVATED',
  'AUTH.LOCAL_TOKENS_LOOPBACK_ONLY',
  // Any kind of record (`details.kind` says which).
  'RECORD.NOT_FOUND',
  'RECORD.STALE_VERSION',
  'RECORD.ALREADY_EXISTS',
  'RECORD.REFERENCE_NOT_FOUND',
  'RECORD.NOT_DELETED',
  'RECORD.RESTORE_EXPIRED',
  'RECORD.ALREADY_LOGGED',
  // Rules of one kind.
  'CONTACT.DUPLICATE_EMAIL',
  'CONTACT.MERGE_INTO_ITSELF',
  'LEAD.CONVERT_INSTEAD',
  'LEAD.ALREADY_CONVERTED',
  'DEAL.UNKNOWN_STAGE',
  'DEAL.CURRENCY_MISMATCH',
  'DEAL.AMOUNT_PRECISION',
  'DEAL.AMOUNT_OR_LINES',
  'ACTIVITY.NOT_STARTED',
  'CASE.STATUS_FLOW',
  'PRODUCT.PRICE_PRECISION',
  'PIPELINE.STAGE_IN_USE',
  'MEMBER.NOT_ACTIVE',
  'MEMBER.OWN_MANAGER',
  'MEMBER.LAST_ADMIN',
  'MEMBER.ROLE_FROM_ENTRA',
  'MEMBER.EMAIL_TAKEN',
  'MEMBER.NOT_SIGNED_IN',
  'SETTINGS.INVALID',
  'SETTINGS.RATES_FOR_NEW_CURRENCY',
  'TIP.UNKNOWN_STAGE',
  'TEMPLATE.UNKNOWN_FIELD',
  'TEMPLATE.MALFORMED_PLACEHOLDER',
  'TEMPLATE.DUPLICATE_LANGUAGE',
  'FORM.NOT_FOUND',
  'FORM.REVOKED',
  'LOOKUP.TOO_MANY_ADDRESSES',
  'SEND_CHECK.TOO_MANY_RECIPIENTS',
  'NEVER_LOG.INVALID_ENTRY',
  'NEVER_LOG.TOO_MANY',
  'THREAD.NO_CONVERSATION',
  'THREAD.NO_MAILBOX',
  'APPOINTMENTS.TEAM_FORBIDDEN',
  'REPORT.PERIOD_TOO_LONG',
  // The API could not start (a setting missing, a service unreachable); each request tries again.
  'SERVICE.UNAVAILABLE',
  // Anything else: logged on the server, answered without internals.
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
