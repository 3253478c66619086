import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Body1, Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Option, Dropdown, Subtitle1, Subtitle2, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { DemoInbox } from '@rapport/shared';
import { LOG_MARKER_HEADER } from '@rapport/shared/email/mail-capture';
import { CategoryTags } from './CategoryTags';
import { isDraftEdit, isPaneHello, type DemoTheme, type DraftEdit, type HostToPane } from './demo-bridge';
import { openDemoMailGraph, type DemoMailGraph } from './demo-mail-graph';
import { DEMO_MASTER_CATEGORIES, type DemoAttachment, type DemoMessage } from './demo-message';
import { DemoCompose, type DraftEditor } from './DemoCompose';
import { attachedFile } from './draft-content';
import { newDraft, replyTo, type OpenDraft } from './demo-drafts';
import { PhoneOutlook } from './PhoneOutlook';
import { runSendEvent, type SendOutcome } from './run-send-event';
import { SmartAlert } from './SmartAlert';

type DemoInboxItem = DemoMessage;

// The demo page plays Outlook: an inbox of sample e-mails and meetings; selecting one drives the
// real task pane (in the frame on the right) through a simulated Office host, pinned.

const languages = [
  { code: 'en-US', label: 'English' },
  { code: 'es-ES', label: 'Español' },
  { code: 'pt-BR', label: 'Português' },
  { code: 'it-IT', label: 'Italiano' },
];

// Outlook gives a task pane 320–350 px; the demo opens at the narrowest, and offers a wide one to compare.
const paneWidths = [
  { px: 320, label: '320 px' },
  { px: 350, label: '350 px' },
  { px: 450, label: '450 px (Wide)' },
];
const DEFAULT_PANE_WIDTH = 320;

function paneWidthFrom(requested: string | null): number {
  const px = Number(requested);
  return paneWidths.some((width) => width.px === px) ? px : DEFAULT_PANE_WIDTH;
}

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  // A body's line breaks show (the morning digest's lines, a reply's quote).
  body: { whiteSpace: 'pre-line' },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  // The pane's column is as wide as its frame (set in px) and its border: the frame's content box is the pane's width.
  columns: { display: 'grid', gridTemplateColumns: '300px minmax(280px, 1fr) auto', minHeight: 0 },
  inbox: { overflowY: 'auto', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
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
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  reading: { overflowY: 'auto', padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pane: { display: 'flex', flexDirection: 'column', borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  paneTitle: { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  frame: { flexGrow: 1, border: 'none', padding: 0, boxSizing: 'content-box' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
  language: { minWidth: '140px' },
  width: { minWidth: '120px' },
  settings: { display: 'flex', gap: tokens.spacingHorizontalS },
  folder: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2, margin: 0 },
  newMail: { margin: tokens.spacingHorizontalM },
});

function names(people: { name: string; email: string }[]): string {
  return people.map((person) => `${person.name} <${person.email}>`).join('; ');
}

const themes: { value: DemoTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

type DemoOutlookProps = {
  inbox: DemoInbox;
  initialId: string | null;
  initialLanguage: string;
  initialTheme: DemoTheme;
  initialUser: string | null;
  initialPaneWidth: number;
  paneOrigin: string;
};

function DemoOutlook({ inbox, initialId, initialLanguage, initialTheme, initialUser, initialPaneWidth, paneOrigin }: DemoOutlookProps) {
  const styles = useStyles();
  const [selectedId, setSelectedId] = useState<string | null>(initialId ?? inbox.items[0]?.id ?? null);
  const [language, setLanguage] = useState(initialLanguage);
  // Outlook's theme: the pane reads it when it starts, so a change reopens it.
  const [theme, setTheme] = useState<DemoTheme>(initialTheme);
  // Resizing the pane keeps it loaded, as dragging Outlook's splitter does.
  const [paneWidth, setPaneWidth] = useState(initialPaneWidth);
  // Whose Outlook this is: the same inbox, opened by someone with another role in the CRM.
  const [userEmail, setUserEmail] = useState(inbox.signIns.some((person) => person.email === initialUser) ? (initialUser as string) : inbox.user.email);
  const signedIn = inbox.signIns.find((person) => person.email === userEmail);
  const user = signedIn ? { email: signedIn.email, name: signedIn.name } : inbox.user;
  const frame = useRef<HTMLIFrameElement>(null);
  // Messages the user writes here: open drafts (each a compose window) and what was sent.
  const [drafts, setDrafts] = useState<OpenDraft[]>([]);
  const [sent, setSent] = useState<DemoInboxItem[]>([]);
  // Send-time checks: the draft whose send the add-in is checking, the Smart Alert it raised, and what the add-in said on
  // messages it let go (by sent item).
  const [checking, setChecking] = useState<string | null>(null);
  const [alert, setAlert] = useState<{ item: DemoInboxItem; text: string; outcome: SendOutcome } | null>(null);
  const [sentNotices, setSentNotices] = useState<Record<string, string[]>>({});
  // A draft's pane opened by the alert's action: the context it was opened with, and how often (a new pane each time).
  const [launches, setLaunches] = useState<Record<string, { context: string; opened: number }>>({});
  const launchesRef = useRef(launches);
  launchesRef.current = launches;
  // Outlook categories put on messages (by item), and the mailbox's master list as this Outlook knows it.
  const [categories, setCategories] = useState<Record<string, string[]>>({});
  const categoriesRef = useRef(categories);
  categoriesRef.current = categories;
  // The add-in's custom properties on received items (a logged meeting's EventLogged), by item; a draft keeps its own.
  const propertiesRef = useRef<Record<string, Record<string, unknown>>>({});
  // The demo user's mail in the local Graph stand-in: what is sent goes there too, where Rapport's job reads it.
  const mailGraph = useRef<{ mailbox: string; graph: Promise<DemoMailGraph | null> } | null>(null);
  const graphOf = (): Promise<DemoMailGraph | null> => {
    if (mailGraph.current?.mailbox !== user.email) mailGraph.current = { mailbox: user.email, graph: openDemoMailGraph(user.email).catch(() => null) };
    return mailGraph.current.graph;
  };
  const editor = useRef<DraftEditor>(null);
  const draft = drafts.find((open) => open.item.id === selectedId) ?? null;
  const selected: DemoInboxItem | null = draft?.item ?? inbox.items.find((item) => item.id === selectedId) ?? sent.find((item) => item.id === selectedId) ?? null;
  const selectedRef = useRef<DemoInboxItem | null>(selected);
  selectedRef.current = selected;

  const toPane = (message: HostToPane) => frame.current?.contentWindow?.postMessage(message, paneOrigin);
  // An item as the pane's Office sees it: with the categories put on it here.
  const withCategories = (item: DemoInboxItem | null): DemoInboxItem | null => {
    const added = item ? categoriesRef.current[item.id] : undefined;
    const properties = item && item.mode !== 'message-compose' ? propertiesRef.current[item.id] : undefined;
    return item && (added || properties) ? { ...item, ...(added ? { categories: added } : {}), ...(properties ? { customProperties: properties } : {}) } : item;
  };

  // The pane's simulated Office says hello when it loads (again after a language change); the host answers.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== paneOrigin || !isPaneHello(event.data)) return;
      const launch = selectedRef.current ? launchesRef.current[selectedRef.current.id] : undefined;
      toPane({ type: 'rapport-demo:init', user, displayLanguage: language, theme, item: withCategories(selectedRef.current), ...(launch ? { initializationContext: launch.context } : {}) });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.email, language, theme, paneOrigin]);

  const select = (item: DemoInboxItem) => {
    setSelectedId(item.id);
    selectedRef.current = item;
    toPane({ type: 'rapport-demo:item-changed', item: withCategories(item) });
  };

  // The pane edits the open draft as an add-in edits Outlook's: content at the cursor, a subject.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== paneOrigin || !isDraftEdit(event.data)) return;
      const edit = event.data;
      void applyEdit(edit).then(
        () => toPane({ type: 'rapport-demo:edited', id: edit.id }),
        (failure: unknown) => toPane({ type: 'rapport-demo:edited', id: edit.id, error: failure instanceof Error ? failure.message : String(failure) }),
      );
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paneOrigin]);

  // What the pane's Office asks of the open item, done as Outlook would.
  const applyEdit = async (edit: DraftEdit): Promise<void> => {
    if (edit.type === 'rapport-demo:add-categories') {
      await addCategories(edit.itemId, edit.categories);
      return;
    }
    const open = selectedRef.current;
    if (edit.type === 'rapport-demo:set-custom-properties' && open && open.mode !== 'message-compose') {
      propertiesRef.current = { ...propertiesRef.current, [open.id]: edit.properties };
      return;
    }
    if (!editor.current || open?.mode !== 'message-compose') throw new Error('No message is being written');
    if (edit.type === 'rapport-demo:insert') editor.current.insert(edit.html);
    else if (edit.type === 'rapport-demo:set-subject') editor.current.setSubject(edit.subject);
    else if (edit.type === 'rapport-demo:set-custom-properties') changeDraft({ ...open, customProperties: edit.properties }, false);
    else if (edit.type === 'rapport-demo:attach') changeDraft({ ...open, attachments: [...(open.attachments ?? []), attachedFile(edit.name, edit.contentBase64)] }, false);
    else changeDraft({ ...open, internetHeaders: { ...open.internetHeaders, ...edit.headers } }, false);
  };
  // Only categories of the mailbox's master list may go on an item, as Office.js's addAsync says: Outlook's defaults,
  // and those the stand-in's mailbox has (Rapport's, created through Graph by the pane).
  const addCategories = async (itemId: string, names: string[]) => {
    const master = new Set(DEMO_MASTER_CATEGORIES);
    if (names.some((name) => !master.has(name))) {
      const graph = await graphOf();
      for (const name of (await graph?.masterCategories().catch(() => [])) ?? []) master.add(name);
    }
    const unknown = names.filter((name) => !master.has(name));
    if (unknown.length > 0) throw new Error(`Not in the master category list: ${unknown.join(', ')}`);
    setCategories((all) => ({ ...all, [itemId]: [...new Set([...(all[itemId] ?? []), ...names])] }));
  };
  const openDraft = (open: OpenDraft) => {
    setDrafts((others) => [...others, open]);
    select(open.item);
  };
  const changeDraft = (item: DemoInboxItem, recipientsChanged: boolean) => {
    setDrafts((open) => open.map((other) => (other.item.id === item.id ? { ...other, item } : other)));
    selectedRef.current = item;
    toPane({ type: 'rapport-demo:draft-changed', item, recipientsChanged });
  };
  // Send runs the add-in's OnMessageSend handler first, as Outlook does; its decision sends, or raises the Smart Alert.
  const send = (item: DemoInboxItem, text: string, notices: string[] = []) => {
    const message = { ...item, mode: 'message-read' as const, body: text, from: user, receivedAt: new Date().toISOString() };
    if (notices.length > 0) setSentNotices((all) => ({ ...all, [item.id]: notices }));
    closeDraft(item.id, message);
    // And through the stand-in, with its headers, into the Sent Items Rapport's job reads. The demo's own Sent folder
    // has it whatever the stand-in says (a stand-in without mail routes only leaves the job nothing to find).
    void graphOf()
      .then(async (graph) => {
        if (!graph) return;
        await graph.send({
          subject: item.subject,
          text,
          to: item.to,
          cc: item.cc,
          headers: item.internetHeaders ?? {},
          ...(item.replyToGraphId ? { replyToGraphId: item.replyToGraphId } : {}),
          ...(item.attachments?.length ? { attachments: item.attachments.filter((file): file is DemoAttachment => 'contentBase64' in file) } : {}),
        });
        const marker = item.internetHeaders?.[LOG_MARKER_HEADER];
        if (marker) await afterMarkedSend(graph, item.id, marker);
      })
      .catch((error: unknown) => console.debug('The demo could not send through the Graph stand-in', error));
  };
  // A marked message, once Exchange (the stand-in) has it in Sent Items: the demo's Sent item takes the ids it has there
  // (so its pane finds the log), and Rapport's job is run for the next minute's slot rather than waited for.
  const afterMarkedSend = async (graph: DemoMailGraph, itemId: string, marker: string) => {
    const stored = await graph.sentByMarker(marker);
    if (!stored) return;
    const at = new Date(Date.now() + 61_000).toISOString();
    await fetch(`/dev/jobs/log-sent-mail/run?again=true&at=${encodeURIComponent(at)}`, { method: 'POST', headers: { 'x-rapport-dev': 'run' } }).catch(() => undefined);
    // Then the Sent item is the stand-in's message: its pane, opened again on the new ids, reads the log just made.
    const ids = { internetMessageId: stored.internetMessageId, conversationId: stored.conversationId, graphId: stored.graphId };
    setSent((done) => done.map((message) => (message.id === itemId ? { ...message, ...ids } : message)));
    // Open already (the rep clicked it while Exchange had it under its draft's ids): the pane reads it again, as it is now.
    const open = selectedRef.current;
    if (open?.id === itemId) select({ ...open, ...ids });
  };
  const checkAndSend = async (item: DemoInboxItem, text: string) => {
    setChecking(item.id);
    performance.mark('rapport:send');
    const outcome = await runSendEvent(item, user, language, paneOrigin);
    // The headers the handler set stay on the draft: Don't Send, then Send again, finds them there.
    const marked = { ...item, internetHeaders: outcome.headers };
    if (Object.keys(outcome.headers).length > 0) changeDraft(marked, false);
    // Read by the benchmark: the handler's time from the event to its decision.
    performance.mark('rapport:send-decided', { detail: { handlerMs: outcome.handlerMs, allowEvent: outcome.options.allowEvent !== false } });
    setChecking(null);
    if (outcome.options.allowEvent === false) setAlert({ item: marked, text, outcome });
    else send(marked, text, outcome.notices);
  };
  // The alert's own action: this send is cancelled and the add-in's pane opens with what it asked to be opened with.
  const openPaneFromAlert = (item: DemoInboxItem, contextData: unknown) => {
    const context = typeof contextData === 'string' ? contextData : JSON.stringify(contextData ?? '');
    setLaunches((all) => ({ ...all, [item.id]: { context, opened: (all[item.id]?.opened ?? 0) + 1 } }));
    setAlert(null);
  };
  const closeDraft = (id: string, keep?: DemoInboxItem) => {
    setDrafts((open) => open.filter((other) => other.item.id !== id));
    if (keep) setSent((done) => [keep, ...done]);
    const next = keep ?? inbox.items[0] ?? null;
    if (next) select(next);
  };

  useEffect(() => {
    const url = new URL(location.href);
    // Drafts live as long as the page: the address keeps inbox items only.
    if (selectedId && inbox.items.some((item) => item.id === selectedId)) url.searchParams.set('item', selectedId);
    url.searchParams.set('lang', language);
    url.searchParams.set('as', userEmail);
    url.searchParams.set('width', String(paneWidth));
    url.searchParams.set('theme', theme);
    history.replaceState(null, '', url);
  }, [selectedId, language, userEmail, paneWidth, theme, inbox.items]);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Title3 as="h1">Outlook — Rapport demo</Title3>
        <div className={styles.settings}>
        <Dropdown
          className={styles.language}
          aria-label="Signed in as"
          value={signedIn ? `${signedIn.name} (${signedIn.role})` : user.name}
          selectedOptions={[userEmail]}
          onOptionSelect={(_, data) => data.optionValue && setUserEmail(data.optionValue)}
        >
          {inbox.signIns.map((person) => (
            <Option key={person.email} value={person.email} text={`${person.name} (${person.role})`}>
              {`${person.name} (${person.role})`}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.language}
          aria-label="Office display language"
          value={languages.find((entry) => entry.code === language)?.label ?? language}
          selectedOptions={[language]}
          onOptionSelect={(_, data) => data.optionValue && setLanguage(data.optionValue)}
        >
          {languages.map((entry) => (
            <Option key={entry.code} value={entry.code}>
              {entry.label}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.width}
          aria-label="Outlook theme"
          value={themes.find((entry) => entry.value === theme)?.label ?? theme}
          selectedOptions={[theme]}
          onOptionSelect={(_, data) => data.optionValue && setTheme(data.optionValue as DemoTheme)}
        >
          {themes.map((entry) => (
            <Option key={entry.value} value={entry.value}>
              {entry.label}
            </Option>
          ))}
        </Dropdown>
        <Button
          onClick={() => {
            const url = new URL(location.href);
            url.searchParams.set('device', 'phone');
            location.assign(url);
          }}
        >
          Phone
        </Button>
        <Dropdown
          className={styles.width}
          aria-label="Pane width"
          value={paneWidths.find((entry) => entry.px === paneWidth)?.label ?? `${paneWidth} px`}
          selectedOptions={[String(paneWidth)]}
          onOptionSelect={(_, data) => data.optionValue && setPaneWidth(paneWidthFrom(data.optionValue))}
        >
          {paneWidths.map((entry) => (
            <Option key={entry.px} value={String(entry.px)}>
              {entry.label}
            </Option>
          ))}
        </Dropdown>
        </div>
      </header>
      <div className={styles.columns}>
        <nav className={styles.inbox} aria-label="Inbox">
          <Button className={styles.newMail} appearance="primary" onClick={() => openDraft(newDraft(user))}>
            New e-mail
          </Button>
          {[
            { label: 'Drafts', items: drafts.map((open) => open.item) },
            { label: 'Sent', items: sent },
          ].map((folder) =>
            folder.items.length > 0 ? (
              <section key={folder.label} aria-label={folder.label}>
                <Caption1 as="h2" className={styles.folder}>
                  {folder.label}
                </Caption1>
                <ul className={styles.list}>
                  {folder.items.map((item) => (
                    <FolderEntry
                      key={item.id}
                      current={item.id === selectedId}
                      onSelect={() => select(item)}
                      title={[...item.to, ...item.cc].map((person) => person.name).join(', ') || '(no recipients)'}
                      line={item.subject || '(no subject)'}
                      categories={categories[item.id] ?? item.categories ?? []}
                    />
                  ))}
                </ul>
              </section>
            ) : null,
          )}
          <Caption1 as="h2" className={styles.folder}>
            Inbox
          </Caption1>
          <ul className={styles.list}>
            {inbox.items.map((item) => (
              <FolderEntry
                key={item.id}
                current={item.id === selectedId}
                onSelect={() => select(item)}
                title={item.mode === 'message-read' ? (item.from?.name ?? '') : `Meeting: ${item.subject}`}
                line={item.mode === 'message-read' ? item.subject : item.mode === 'appointment-organizer' ? 'You organize' : `From ${item.organizer?.name ?? ''}`}
                note={item.scenario}
                categories={categories[item.id] ?? []}
              />
            ))}
          </ul>
        </nav>
        <article className={styles.reading} aria-label="Reading pane">
          {draft ? (
            <DemoCompose
              key={draft.item.id}
              ref={editor}
              draft={draft.item}
              initialBody={draft.initialBody}
              known={knownPeople(inbox)}
              onChange={changeDraft}
              sending={checking === draft.item.id}
              onSend={(item, text) => void checkAndSend(item, text)}
              onDiscard={() => closeDraft(draft.item.id)}
            />
          ) : selected ? (
            <>
              {(sentNotices[selected.id] ?? []).map((notice) => (
                <MessageBar key={notice} intent="info">
                  <MessageBarBody>{notice}</MessageBarBody>
                </MessageBar>
              ))}
              <Subtitle1 as="h2">{selected.subject}</Subtitle1>
              {selected.from ? <Body1>From: {names([selected.from])}</Body1> : null}
              {selected.to.length > 0 ? <Body1>To: {names(selected.to)}</Body1> : null}
              {selected.cc.length > 0 ? <Body1>Cc: {names(selected.cc)}</Body1> : null}
              {selected.organizer ? <Body1>Organizer: {names([selected.organizer])}</Body1> : null}
              {selected.requiredAttendees.length > 0 ? <Body1>Attendees: {names(selected.requiredAttendees)}</Body1> : null}
              {selected.start ? <Body1>When: {new Date(selected.start).toLocaleString(language)}</Body1> : null}
              {/* A sent message's internet headers, as Outlook's message details show them: Rapport's marker among them. */}
              {sent.some((item) => item.id === selected.id) && selected.internetHeaders?.[LOG_MARKER_HEADER] ? (
                <Caption1 className={styles.meta} aria-label="Internet headers">
                  {`${LOG_MARKER_HEADER}: ${selected.internetHeaders[LOG_MARKER_HEADER]}`}
                </Caption1>
              ) : null}
              <CategoryTags categories={categories[selected.id] ?? selected.categories ?? []} />
              {selected.attachments?.length ? (
                <Caption1 className={styles.meta} aria-label="Attached files">
                  {selected.attachments.map((file) => `📎 ${file.name}`).join('  ')}
                </Caption1>
              ) : null}
              <Body1 as="p" className={styles.body}>
                {selected.body}
              </Body1>
              {selected.mode === 'message-read' && selected.from ? (
                <div>
                  <Button onClick={() => openDraft(replyTo(selected, user))}>Reply</Button>
                </div>
              ) : null}
            </>
          ) : (
            <Body1>Select an item.</Body1>
          )}
        </article>
        <aside className={styles.pane} aria-label="Rapport add-in">
          <Subtitle2 as="h2" className={styles.paneTitle}>
            Rapport
          </Subtitle2>
          <iframe
            ref={frame}
            // A compose window opens its own pane, as in Outlook; read items share the pinned one.
            key={`${language}|${userEmail}|${theme}|${draft?.item.id ?? 'read'}|${draft ? (launches[draft.item.id]?.opened ?? 0) : 0}`}
            className={styles.frame}
            style={{ width: `${paneWidth}px` }}
            title="Rapport task pane"
            src={`${paneOrigin}/demo-taskpane.html`}
          />
        </aside>
      </div>
      {alert ? (
        <SmartAlert
          addinName="Rapport CRM"
          options={alert.outcome.options}
          onSendAnyway={() => {
            setAlert(null);
            send(alert.item, alert.text);
          }}
          onDontSend={() => setAlert(null)}
          onAction={() => openPaneFromAlert(alert.item, alert.outcome.options.contextData)}
        />
      ) : null}
    </div>
  );
}

/** One item in a folder's list: who, what, and (in the inbox) the case the demo shows with it. */
function FolderEntry({ current, onSelect, title, line, note, categories }: { current: boolean; onSelect: () => void; title: string; line: string; note?: string; categories: readonly string[] }) {
  const styles = useStyles();
  return (
    <li>
      <button type="button" className={`${styles.entry} ${current ? styles.current : ''}`} aria-current={current ? 'true' : undefined} onClick={onSelect}>
        <Subtitle2 as="span" style={{ display: 'block' }}>
          {title}
        </Subtitle2>
        <Body1 as="span" style={{ display: 'block' }}>
          {line}
        </Body1>
        {note ? <Caption1 className={styles.meta}>{note}</Caption1> : null}
        <CategoryTags categories={categories} />
      </button>
    </li>
  );
}

// Everyone the inbox mentions: typed addresses resolve to their names, as Outlook's address book does.
function knownPeople(inbox: DemoInbox) {
  return inbox.items.flatMap((item) => [...(item.from ? [item.from] : []), ...item.to, ...item.cc, ...item.requiredAttendees, ...item.optionalAttendees]);
}

function paneOriginFrom(requested: string | null): string {
  if (!requested) return location.origin;
  const url = new URL(requested);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('The pane must come from an http(s) origin');
  return url.origin;
}

async function start(): Promise<void> {
  const inbox = (await (await fetch('/demo/inbox.json', { cache: 'no-store' })).json()) as DemoInbox;
  const params = new URLSearchParams(location.search);
  const root = document.getElementById('root');
  if (!root) throw new Error('The demo page has no #root element');
  if (params.get('device') === 'phone') {
    const desktop = new URL(location.href);
    desktop.searchParams.delete('device');
    // The phone opens on a meeting you attended, where Outlook mobile offers CRM add-ins their Log card.
    const attended = inbox.items.find((item) => item.scenario === 'A meeting you attended') ?? inbox.items.find((item) => item.mode === 'appointment-attendee');
    createRoot(root).render(
      <FluentProvider theme={webLightTheme} style={{ height: '100%', backgroundColor: tokens.colorNeutralBackground3 }}>
        <PhoneOutlook
          inbox={inbox}
          initialId={params.get('item') ?? attended?.id ?? null}
          language={params.get('lang') ?? 'en-US'}
          userEmail={params.get('as')}
          paneOrigin={paneOriginFrom(params.get('pane'))}
          desktopUrl={desktop.toString()}
        />
      </FluentProvider>,
    );
    return;
  }
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <DemoOutlook
        inbox={inbox}
        initialId={params.get('item')}
        initialLanguage={params.get('lang') ?? 'en-US'}
        initialTheme={params.get('theme') === 'dark' ? 'dark' : 'light'}
        initialUser={params.get('as')}
        initialPaneWidth={paneWidthFrom(params.get('width'))}
        // The pane may come from another origin, to run in its own process as in Outlook.
        paneOrigin={paneOriginFrom(params.get('pane'))}
      />
    </FluentProvider>,
  );
}

void start();
