import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { DemoInbox } from '@rapport/shared';
import { isDraftEdit, isPaneHello, type HostToPane } from './demo-bridge';
import type { DemoMessage } from './demo-message';

// The demo's phone mode (?device=phone): Outlook on a phone, 390 px wide. One screen at a time, as Outlook mobile shows
// them: the list of mail and meetings, an item, and the add-in's task pane over the whole width (no reading pane beside
// it). A meeting you attend has Outlook mobile's Log card (the manifest's MobileLogEventAppointmentAttendee): its button
// says "Log", or "View" once the pane has set the meeting's EventLogged property, and opens the pane. A message offers
// the pane from its add-ins (MobileMessageReadCommandSurface). Outlook mobile offers add-ins nothing on meetings you
// organize, or in mail you write; and it runs no send-time checks.

/** The width of the phone the demo plays (a common phone's CSS width). */
export const PHONE_WIDTH = 390;

const useStyles = makeStyles({
  phone: {
    width: `${PHONE_WIDTH}px`,
    maxWidth: '100%',
    height: '100vh',
    marginInline: 'auto',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    overflow: 'hidden',
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  barTitle: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
  screen: { flexGrow: 1, overflowY: 'auto', overflowX: 'hidden', minHeight: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  entry: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    padding: tokens.spacingHorizontalM,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: 'block', overflowWrap: 'anywhere' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  card: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  cardText: { flexGrow: 1, minWidth: 0 },
  icon: { width: '32px', height: '32px', flexShrink: 0 },
  frame: { flexGrow: 1, width: '100%', border: 'none', padding: 0, display: 'block' },
});

type Screen = { kind: 'list' } | { kind: 'item'; id: string } | { kind: 'pane'; id: string; opened: number };

type PhoneOutlookProps = {
  inbox: DemoInbox;
  initialId: string | null;
  language: string;
  userEmail: string | null;
  paneOrigin: string;
  /** The same page at desktop size. */
  desktopUrl: string;
};

const names = (people: { name: string }[]) => people.map((person) => person.name).join(', ');

export function PhoneOutlook({ inbox, initialId, language, userEmail, paneOrigin, desktopUrl }: PhoneOutlookProps) {
  const styles = useStyles();
  const signedIn = inbox.signIns.find((person) => person.email === userEmail);
  const user = signedIn ? { email: signedIn.email, name: signedIn.name } : inbox.user;
  const [screen, setScreen] = useState<Screen>(() => (initialId && inbox.items.some((item) => item.id === initialId) ? { kind: 'item', id: initialId } : { kind: 'list' }));
  // The add-in's custom properties on each item, as Exchange keeps them (the pane sets EventLogged on a logged meeting).
  const [properties, setProperties] = useState<Record<string, Record<string, unknown>>>({});
  const frame = useRef<HTMLIFrameElement>(null);
  const open = screen.kind === 'list' ? null : (inbox.items.find((item) => item.id === screen.id) ?? null);
  const openRef = useRef<DemoMessage | null>(null);
  openRef.current = open ? { ...open, customProperties: properties[open.id] ?? {} } : null;
  const userRef = useRef(user);
  userRef.current = user;

  // The pane's simulated Office, as on the desktop page, told it runs on a phone.
  useEffect(() => {
    const toPane = (message: HostToPane) => frame.current?.contentWindow?.postMessage(message, paneOrigin);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== paneOrigin) return;
      if (isPaneHello(event.data)) {
        toPane({ type: 'rapport-demo:init', user: userRef.current, displayLanguage: language, theme: 'light', item: openRef.current, device: 'phone' });
      } else if (isDraftEdit(event.data)) {
        const edit = event.data;
        const item = openRef.current;
        if (edit.type === 'rapport-demo:set-custom-properties' && item) {
          setProperties((all) => ({ ...all, [item.id]: edit.properties }));
          toPane({ type: 'rapport-demo:edited', id: edit.id });
        } else {
          toPane({ type: 'rapport-demo:edited', id: edit.id, error: 'Outlook mobile does not do that here' });
        }
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [paneOrigin, language]);

  useEffect(() => {
    const url = new URL(location.href);
    url.searchParams.set('device', 'phone');
    if (screen.kind === 'list') url.searchParams.delete('item');
    else url.searchParams.set('item', screen.id);
    history.replaceState(null, '', url);
  }, [screen]);

  const openPane = (id: string) => setScreen((current) => ({ kind: 'pane', id, opened: (current.kind === 'pane' ? current.opened : 0) + 1 }));
  const back = () => setScreen((current) => (current.kind === 'pane' ? { kind: 'item', id: current.id } : { kind: 'list' }));
  const logged = open ? properties[open.id]?.EventLogged === true : false;

  return (
    <div className={styles.phone}>
      <header className={styles.bar}>
        {screen.kind === 'list' ? null : (
          <Button appearance="transparent" className={styles.onBrand} aria-label="Back" onClick={back}>
            ‹
          </Button>
        )}
        <Subtitle2 as="h1" className={styles.barTitle}>
          {screen.kind === 'pane' ? 'Rapport CRM' : screen.kind === 'item' ? (open?.mode === 'message-read' ? 'Mail' : 'Meeting') : 'Outlook'}
        </Subtitle2>
        {screen.kind === 'list' ? (
          <Button appearance="transparent" className={styles.onBrand} onClick={() => location.assign(desktopUrl)}>
            Desktop
          </Button>
        ) : null}
      </header>
      {screen.kind === 'pane' && open ? (
        <iframe ref={frame} key={`${open.id}|${screen.opened}`} className={styles.frame} title="Rapport task pane" src={`${paneOrigin}/demo-taskpane.html`} />
      ) : open ? (
        <article className={`${styles.screen} ${styles.item}`} aria-label={open.subject}>
          <Subtitle1 as="h2">{open.subject}</Subtitle1>
          {open.start ? <Body1>{new Date(open.start).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}</Body1> : null}
          {open.from ? <Body1>From: {open.from.name}</Body1> : null}
          {open.organizer ? <Body1>Organizer: {open.organizer.name}</Body1> : null}
          {open.requiredAttendees.length > 0 ? <Body1>Attendees: {names(open.requiredAttendees)}</Body1> : null}
          <Body1 as="p">{open.body}</Body1>
          {open.mode === 'appointment-attendee' ? (
            <section className={styles.card} aria-label="Rapport CRM">
              <img className={styles.icon} src="/assets/log-32.png" alt="" />
              <div className={styles.cardText}>
                <Subtitle2 as="h3">Rapport CRM</Subtitle2>
                <Caption1 className={styles.line}>{logged ? 'Logged to the CRM' : 'Log notes and outcome'}</Caption1>
              </div>
              {/* Outlook mobile names this button itself: Log, and View once the meeting says it is logged. */}
              <Button appearance="primary" onClick={() => openPane(open.id)}>
                {logged ? 'View' : 'Log'}
              </Button>
            </section>
          ) : open.mode === 'message-read' ? (
            <section className={styles.card} aria-label="Add-ins">
              <img className={styles.icon} src="/assets/icon-32.png" alt="" />
              <div className={styles.cardText}>
                <Subtitle2 as="h3">Rapport CRM</Subtitle2>
              </div>
              <Button onClick={() => openPane(open.id)}>Open Rapport</Button>
            </section>
          ) : (
            <Caption1>Outlook mobile offers add-ins on meetings you attend, not on those you organize.</Caption1>
          )}
        </article>
      ) : (
        <nav className={styles.screen} aria-label="Mail and meetings">
          <ul className={styles.list}>
            {inbox.items.map((item) => (
              <li key={item.id}>
                <button type="button" className={styles.entry} onClick={() => setScreen({ kind: 'item', id: item.id })}>
                  <Subtitle2 as="span" className={styles.line}>
                    {item.mode === 'message-read' ? (item.from?.name ?? '') : `Meeting: ${item.subject}`}
                  </Subtitle2>
                  <Body1 as="span" className={styles.line}>
                    {item.mode === 'message-read' ? item.subject : item.mode === 'appointment-organizer' ? 'You organize' : `From ${item.organizer?.name ?? ''}`}
                  </Body1>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
