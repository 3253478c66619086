import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { DemoPerson } from '@rapport/shared';
import { formatRecipients, parseRecipients, sanitizedFragment } from './draft-content';
import type { DemoAttachment, DemoMessage } from './demo-message';

// The demo's compose window: To, Cc, Subject and a body with the user's signature, as Outlook's. The pane beside it
// reads the recipients through the simulated Office and inserts at the body's cursor.

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  body: {
    minHeight: '240px',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  files: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyle: 'none' },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
  picker: { position: 'absolute', width: '1px', height: '1px', opacity: 0 },
});

/** A chosen file as the demo keeps it on the draft: its bytes in base64, as Graph's sendMail takes them. */
async function attachmentOf(file: File): Promise<DemoAttachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { name: file.name, contentType: file.type || 'application/octet-stream', size: file.size, contentBase64: btoa(binary) };
}

export type DraftEditor = {
  /** Puts sanitized HTML where the cursor was last in the body (its start when it never was), replacing a selection. */
  insert(html: string): void;
  setSubject(subject: string): void;
};

type DemoComposeProps = {
  draft: DemoMessage;
  /** The signature and, for a reply, the quoted message: the body the window opens with. */
  initialBody: string;
  known: readonly DemoPerson[];
  onChange(draft: DemoMessage, recipientsChanged: boolean): void;
  /** The draft and its body as text, as a received message shows it. */
  onSend(draft: DemoMessage, text: string): void;
  /** The add-in's send-time check is running on this draft: Send waits for it. */
  sending?: boolean;
  onDiscard(): void;
};

export const DemoCompose = forwardRef<DraftEditor, DemoComposeProps>(function DemoCompose({ draft, initialBody, known, onChange, onSend, onDiscard, sending = false }, ref) {
  const styles = useStyles();
  const [to, setTo] = useState(formatRecipients(draft.to));
  const [cc, setCc] = useState(formatRecipients(draft.cc));
  const body = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const cursor = useRef<Range | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(() => {
    body.current?.replaceChildren(sanitizedFragment(initialBody, document));
    // The body opens once per draft; what the user types is the editor's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.id]);

  // Where the cursor is in the body, kept while the user works in the pane (focus leaves the body, the range stays).
  useEffect(() => {
    const remember = () => {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      if (range && body.current?.contains(range.commonAncestorContainer)) cursor.current = range.cloneRange();
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  useImperativeHandle(ref, () => ({
    insert(html) {
      const editor = body.current;
      if (!editor) throw new Error('The draft is closed');
      const range = cursor.current ?? document.createRange();
      if (!cursor.current) range.setStart(editor, 0);
      range.deleteContents();
      const fragment = sanitizedFragment(html, document);
      const last = fragment.lastChild;
      range.insertNode(fragment);
      // The cursor goes after what was inserted, as Outlook leaves it.
      if (last) {
        range.setStartAfter(last);
        range.collapse(true);
      }
      cursor.current = range.cloneRange();
    },
    setSubject(subject) {
      onChange({ ...draftRef.current, subject }, false);
    },
  }));

  // Outlook resolves what was typed into people when the field is left or a separator is typed.
  const resolve = (field: 'to' | 'cc', typed: string) => {
    const people = parseRecipients(typed, known);
    if (field === 'to') setTo(formatRecipients(people));
    else setCc(formatRecipients(people));
    const before = draftRef.current[field].map((person) => person.email).join(',');
    const changed = before !== people.map((person) => person.email).join(',');
    onChange({ ...draftRef.current, [field]: people }, changed);
  };

  return (
    <form className={styles.form} aria-label="New message" onSubmit={(event) => event.preventDefault()}>
      <Field label="To">
        <Input value={to} onChange={(_, data) => setTo(data.value)} onBlur={() => resolve('to', to)} onKeyDown={(event) => event.key === 'Enter' && resolve('to', to)} />
      </Field>
      <Field label="Cc">
        <Input value={cc} onChange={(_, data) => setCc(data.value)} onBlur={() => resolve('cc', cc)} onKeyDown={(event) => event.key === 'Enter' && resolve('cc', cc)} />
      </Field>
      <Field label="Subject">
        <Input value={draft.subject} onChange={(_, data) => onChange({ ...draftRef.current, subject: data.value }, false)} />
      </Field>
      <div ref={body} className={styles.body} contentEditable role="textbox" aria-multiline="true" aria-label="Message body" suppressContentEditableWarning />
      {draft.attachments?.length ? (
        <ul className={styles.files} aria-label="Attachments">
          {draft.attachments.map((file, index) => (
            <li key={`${file.name}-${index}`} className={styles.file}>
              {`📎 ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`}
              <Button size="small" appearance="subtle" aria-label={`Remove ${file.name}`} onClick={() => onChange({ ...draftRef.current, attachments: draft.attachments?.filter((_, other) => other !== index) ?? [] }, false)}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={picker}
        className={styles.picker}
        type="file"
        multiple
        aria-label="Attach files"
        tabIndex={-1}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          void Promise.all(chosen.map(attachmentOf)).then((files) => onChange({ ...draftRef.current, attachments: [...(draftRef.current.attachments ?? []), ...files] }, false));
        }}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={sending} onClick={() => onSend(draftRef.current, body.current?.innerText ?? '')}>
          {sending ? 'Sending…' : 'Send'}
        </Button>
        <Button onClick={() => picker.current?.click()}>Attach</Button>
        <Button onClick={onDiscard}>Discard</Button>
      </div>
    </form>
  );
});
