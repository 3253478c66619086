/** Signing in did not give a token: the user closed the sign-in window, or it failed. The pane says which, in words. */
export class SignInError extends Error {
  constructor(
    readonly code: 'SIGN_IN_CANCELLED' | 'SIGN_IN_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
