import { SignInError } from '../auth/sign-in-error';

/**
 * Outlook's calendar (Microsoft Graph) could not do what the pane asked: unreachable, refused or failed. The pane says
 * so in the user's language; what Graph said is kept for the console, never shown.
 */
export class OutlookError extends Error {
  constructor(
    message: string,
    /** Graph's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OutlookError';
  }
}

/** Any failure of a calendar call as an OutlookError (a sign-in that did not happen stays what it is). */
export function outlookErrorOf(error: unknown): Error {
  if (error instanceof SignInError || error instanceof OutlookError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return new OutlookError(error instanceof Error ? error.message : String(error), typeof status === 'number' && status > 0 ? status : undefined);
}
