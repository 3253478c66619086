import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles } from '@fluentui/react-components';
import type { SendEventOptions } from './send-event-bridge';

// Outlook's Smart Alerts dialog as the demo plays it: the add-in's message, Send Anyway (PromptUser), Don't Send, and the
// add-in's own action (Take Action, with the add-in's label) when it named a command to open.

const useStyles = makeStyles({
  // The add-in's lines stay lines, as Outlook shows them.
  message: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  // Outlook's buttons keep their labels on one line.
  button: { whiteSpace: 'nowrap' },
});

export type SmartAlertProps = {
  /** The add-in's name, which Outlook puts over its message. */
  addinName: string;
  options: SendEventOptions;
  onSendAnyway(): void;
  onDontSend(): void;
  /** The add-in's action: cancels this send and opens its pane (`commandId`) with `contextData`. */
  onAction(): void;
};

export function SmartAlert({ addinName, options, onSendAnyway, onDontSend, onAction }: SmartAlertProps) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onDontSend())}>
      <DialogSurface aria-describedby="smart-alert-message">
        <DialogBody>
          <DialogTitle>{addinName}</DialogTitle>
          <DialogContent id="smart-alert-message" className={styles.message}>
            {options.errorMessage || `${addinName} is preventing this email from being sent.`}
          </DialogContent>
          <DialogActions>
            {options.commandId ? (
              <Button className={styles.button} appearance="primary" onClick={onAction}>
                {options.cancelLabel || 'Take Action'}
              </Button>
            ) : null}
            <Button className={styles.button} appearance={options.commandId ? 'secondary' : 'primary'} onClick={onSendAnyway}>
              Send Anyway
            </Button>
            <Button className={styles.button} onClick={onDontSend}>
              Don&apos;t Send
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
