import { makeStyles, mergeClasses } from '@fluentui/react-components';

const useStyles = makeStyles({
  // A phone number, an address or a domain is read as one piece: never broken across lines. Too long for the pane,
  // it ends in an ellipsis and shows whole on hover.
  token: { display: 'inline-block', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' },
});

/** One unbreakable piece of text: a phone number, an e-mail address, a domain, a customer number. */
export function Token({ children, className }: { children: string; className?: string }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.token, className)} title={children}>
      {children}
    </span>
  );
}

const PHONE = /^\+?[\d\s().-]{7,}$/;
const EMAIL_OR_DOMAIN = /^[^\s@]+@[^\s@]+$|^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** Whether a value of free text (a changed field) is such a piece, to show it as a Token. */
export function isToken(text: string): boolean {
  return PHONE.test(text.trim()) || EMAIL_OR_DOMAIN.test(text.trim());
}
