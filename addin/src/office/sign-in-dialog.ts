import { SignInError } from '../auth/sign-in-error';

/** Office's code for a dialog the user closed (DialogEventReceived). */
const DIALOG_CLOSED_BY_USER = 12006;

/**
 * Signs in inside an Office dialog that posts the token back (where nested app authentication is missing). Always
 * settles: with the token, or a SignInError when the user closes the dialog or sign-in fails.
 */
export function signInWithDialog(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new SignInError('SIGN_IN_FAILED', opened.error.message));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? arg.message : '';
        if (message.startsWith('token:')) resolve(message.slice('token:'.length));
        else reject(new SignInError('SIGN_IN_FAILED', 'Sign-in was not completed'));
      });
      // Closing the dialog (or it failing to load) sends no message: without this the promise would never settle.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? arg.error : 0;
        reject(new SignInError(code === DIALOG_CLOSED_BY_USER ? 'SIGN_IN_CANCELLED' : 'SIGN_IN_FAILED', `The sign-in window closed (${code})`));
      });
    });
  });
}
