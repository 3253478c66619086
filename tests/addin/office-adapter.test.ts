/** @jest-environment jsdom */
import { OfficeMockObject } from 'office-addin-mock';
import { readBodyExcerpt, readMailItem } from '../../addin/src/office/mail-item';
import { officeAsync } from '../../addin/src/office/office-async';

type Callback<T> = (result: { status: string; value?: T; error?: { message: string; code: number } }) => void;

const succeed = <T>(value: T) => (...args: unknown[]) => (args[args.length - 1] as Callback<T>)({ status: 'succeeded', value });
const fail = (message: string) => (...args: unknown[]) => (args[args.length - 1] as Callback<unknown>)({ status: 'failed', error: { message, code: 9002 } });
const person = (emailAddress: string, displayName: string) => ({ emailAddress, displayName });

function installOffice(item: Record<string, unknown> | undefined) {
  const office = new OfficeMockObject({
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v2_0: 'v2.0' } },
    context: {
      displayLanguage: 'es-ES',
      mailbox: {
        userProfile: { emailAddress: 'Avery.Quinn@rapport-demo.com', displayName: 'Avery Quinn' },
        // Office gives EWS ids; the REST id is what Graph knows the event by.
        convertToRestId: (itemId: string, version: string) => `rest(${version}):${itemId}`,
        ...(item ? { item } : {}),
      },
    },
  });
  (globalThis as unknown as { Office: unknown }).Office = office;
  return office as unknown as typeof Office;
}

describe('reading the open Outlook item', () => {
  it('reads a received message: sender, recipients and cc, never the user, each person once', async () => {
    const office = installOffice({
      itemType: 'message',
      itemId: 'AAMk-1',
      subject: 'Quote for Q3',
      internetMessageId: '<q3@contoso.com>',
      conversationId: 'AAQkADQ3conversation=',
      dateTimeCreated: new Date('2026-11-20T09:30:00Z'),
      from: person('John.Doe@Contoso.com', 'Doe, John'),
      to: [person('avery.quinn@rapport-demo.com', 'Avery Quinn'), person('jane@fabrikam.com', 'jane@fabrikam.com')],
      cc: [person('john.doe@contoso.com', 'John again'), person('bob@litware.com', 'Bob')],
    });
    const item = await readMailItem(office.context.mailbox);
    expect(item).toEqual({
      mode: 'message-read',
      key: '<q3@contoso.com>',
      subject: 'Quote for Q3',
      participants: [
        { email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' },
        { email: 'jane@fabrikam.com', name: null, role: 'to' },
        { email: 'bob@litware.com', name: 'Bob', role: 'cc' },
      ],
      internetMessageId: '<q3@contoso.com>',
      conversationId: 'AAQkADQ3conversation=',
      eventId: null,
      start: null,
      end: null,
      sentAt: '2026-11-20T09:30:00.000Z',
    });
  });

  it('reads a meeting as its organizer through the async getters', async () => {
    const office = installOffice({
      itemType: 'appointment',
      subject: { getAsync: succeed('Product demo') },
      requiredAttendees: { getAsync: succeed([person('ana@proseware.pt', 'Ana Costa'), person('avery.quinn@rapport-demo.com', 'Me')]) },
      optionalAttendees: { getAsync: succeed([person('guest@litware.com', 'Guest')]) },
      start: { getAsync: succeed(new Date('2026-12-01T15:00:00Z')) },
      end: { getAsync: succeed(new Date('2026-12-01T16:00:00Z')) },
      getItemIdAsync: succeed('AAMk-1'),
    });
    const item = await readMailItem(office.context.mailbox);
    expect(item).toMatchObject({
      mode: 'appointment-organizer',
      eventId: 'rest(v2.0):AAMk-1',
      subject: 'Product demo',
      start: '2026-12-01T15:00:00.000Z',
      end: '2026-12-01T16:00:00.000Z',
      participants: [
        { email: 'ana@proseware.pt', name: 'Ana Costa', role: 'required' },
        { email: 'guest@litware.com', name: 'Guest', role: 'optional' },
      ],
    });
  });

  it('reads a new meeting that Outlook has not saved yet without an event id', async () => {
    const office = installOffice({
      itemType: 'appointment',
      subject: { getAsync: succeed('Draft') },
      requiredAttendees: { getAsync: succeed([person('ana@proseware.pt', 'Ana Costa')]) },
      optionalAttendees: { getAsync: succeed([]) },
      start: { getAsync: succeed(new Date('2026-12-01T15:00:00Z')) },
      end: { getAsync: succeed(new Date('2026-12-01T16:00:00Z')) },
      getItemIdAsync: fail('The item has not been saved.'),
    });
    const item = await readMailItem(office.context.mailbox);
    expect(item).toMatchObject({ mode: 'appointment-organizer', subject: 'Draft', eventId: null });
  });

  it('reads a meeting as an attendee from its properties, organizer first', async () => {
    const office = installOffice({
      itemType: 'appointment',
      itemId: 'AAMk-2',
      subject: 'Quarterly business review',
      organizer: person('john.doe@contoso.com', 'John Doe'),
      requiredAttendees: [person('avery.quinn@rapport-demo.com', 'Avery'), person('jane@contoso.com', 'Jane')],
      optionalAttendees: [],
      start: new Date('2026-12-02T10:00:00Z'),
      end: new Date('2026-12-02T11:00:00Z'),
    });
    const item = await readMailItem(office.context.mailbox);
    expect(item?.mode).toBe('appointment-attendee');
    expect(item?.eventId).toBe('rest(v2.0):AAMk-2');
    expect(item?.participants.map((participant) => `${participant.role}:${participant.email}`)).toEqual([
      'organizer:john.doe@contoso.com',
      'required:jane@contoso.com',
    ]);
  });

  it('turns a failed getAsync into a rejected promise with Office\'s message', async () => {
    const office = installOffice({
      itemType: 'appointment',
      subject: { getAsync: fail('The item was closed') },
      requiredAttendees: { getAsync: succeed([]) },
      optionalAttendees: { getAsync: succeed([]) },
      start: { getAsync: succeed(new Date()) },
      end: { getAsync: succeed(new Date()) },
    });
    await expect(readMailItem(office.context.mailbox)).rejects.toThrow('The item was closed');
  });

  it('rejects rather than throws when the Office call itself throws', async () => {
    installOffice(undefined);
    await expect(
      officeAsync(() => {
        throw new Error('API not available');
      }),
    ).rejects.toThrow('API not available');
  });

  it('reads no item when none is open', async () => {
    const office = installOffice(undefined);
    await expect(readMailItem(office.context.mailbox)).resolves.toBeNull();
  });

  it('reads a short, single-line body excerpt for logging', async () => {
    const office = installOffice({
      itemType: 'message',
      body: { getAsync: succeed(`Hello John,\n\n  thanks for the call.\n${'x'.repeat(1000)}`) },
    });
    const excerpt = await readBodyExcerpt(office.context.mailbox);
    expect(excerpt.startsWith('Hello John, thanks for the call. xxx')).toBe(true);
    expect(excerpt).toHaveLength(500);
  });
});

describe('a message being written', () => {
  // A draft's recipients as Outlook gives them, changeable by the test as the rep types.
  function draft(recipients: { to: ReturnType<typeof person>[]; cc?: ReturnType<typeof person>[] }, bodyType = 'html') {
    const calls: { inserted: unknown[]; subjects: string[] } = { inserted: [], subjects: [] };
    let subject = '';
    const item = {
      itemType: 'message',
      conversationId: 'conv-1',
      subject: {
        getAsync: (...args: unknown[]) => succeed(subject)(...args),
        setAsync: (value: string, callback: Callback<void>) => {
          subject = value;
          calls.subjects.push(value);
          callback({ status: 'succeeded' });
        },
      },
      to: { getAsync: (...args: unknown[]) => succeed(recipients.to)(...args) },
      cc: { getAsync: (...args: unknown[]) => succeed(recipients.cc ?? [])(...args) },
      bcc: { getAsync: succeed([]) },
      body: {
        getTypeAsync: succeed(bodyType),
        setSelectedDataAsync: (data: string, options: unknown, callback: Callback<void>) => {
          calls.inserted.push({ data, options });
          callback({ status: 'succeeded' });
        },
      },
    };
    return { item, calls, setSubject: (value: string) => (subject = value) };
  }

  it('reads the recipients (to, cc), never the user, under one key that stays as recipients change', async () => {
    const recipients = { to: [person('Ana@Proseware.pt', 'Ana Costa'), person('avery.quinn@rapport-demo.com', 'Me')], cc: [] as ReturnType<typeof person>[] };
    const { item } = draft(recipients);
    const office = installOffice(item);
    const first = await readMailItem(office.context.mailbox);
    expect(first).toMatchObject({ mode: 'message-compose', subject: '', internetMessageId: null, participants: [{ email: 'ana@proseware.pt', name: 'Ana Costa', role: 'to' }] });
    recipients.cc = [person('bo@fabrikam.com', 'Bo')];
    const second = await readMailItem(office.context.mailbox);
    expect(second?.participants.map((participant) => `${participant.role}:${participant.email}`)).toEqual(['to:ana@proseware.pt', 'cc:bo@fabrikam.com']);
    expect(second?.key).toBe(first?.key);
  });

  it("opens on the recipient the Smart Alert's Create contact named, read once per draft; a pane opened otherwise names none", async () => {
    const { item } = draft({ to: [person('new.person@fabrikam.example', 'New Person')] });
    let asked = 0;
    const launched = { ...item, getInitializationContextAsync: (callback: Callback<string>) => (asked++, callback({ status: 'succeeded', value: JSON.stringify({ createContact: 'New.Person@fabrikam.example' }) })) };
    const office = installOffice(launched);
    expect((await readMailItem(office.context.mailbox))?.createContactFor).toBe('new.person@fabrikam.example');
    expect((await readMailItem(office.context.mailbox))?.createContactFor).toBe('new.person@fabrikam.example');
    expect(asked).toBe(1);
    const plain = installOffice({ ...draft({ to: [] }).item, getInitializationContextAsync: (callback: Callback<string>) => callback({ status: 'succeeded', value: '' }) });
    expect((await readMailItem(plain.context.mailbox))?.createContactFor).toBeUndefined();
    const older = installOffice(draft({ to: [] }).item);
    expect((await readMailItem(older.context.mailbox))?.createContactFor).toBeUndefined();
  });

  it('inserts at the cursor as HTML, and sets the subject only when the draft has none', async () => {
    const { item, calls, setSubject } = draft({ to: [] });
    const office = installOffice(item);
    const { insertIntoDraft } = await import('../../addin/src/office/compose-item');
    await expect(insertIntoDraft(office.context.mailbox, { html: '<b>Hi</b>', text: 'Hi', subject: 'Our call' })).resolves.toEqual({ subjectSet: true });
    // A block of its own: a second insert does not run into the first.
    expect(calls.inserted).toEqual([{ data: '<div><b>Hi</b></div>', options: { coercionType: 'html' } }]);
    expect(calls.subjects).toEqual(['Our call']);
    setSubject('Typed by the rep');
    await expect(insertIntoDraft(office.context.mailbox, { html: '<b>Again</b>', text: 'Again', subject: 'Not this' })).resolves.toEqual({ subjectSet: false });
    expect(calls.subjects).toEqual(['Our call']);
  });

  it('inserts text into a draft written in plain text', async () => {
    const { item, calls } = draft({ to: [] }, 'text');
    const office = installOffice(item);
    const { insertIntoDraft } = await import('../../addin/src/office/compose-item');
    await insertIntoDraft(office.context.mailbox, { html: '<p>Hi &amp; bye</p>', text: 'Hi & bye' });
    expect(calls.inserted).toEqual([{ data: 'Hi & bye\n', options: { coercionType: 'text' } }]);
  });

  it('keeps the body it inserted when the subject cannot be set: a retry would insert it twice', async () => {
    const { item, calls } = draft({ to: [] });
    item.subject.setAsync = (_value: string, callback: Callback<void>) => callback({ status: 'failed', error: { message: 'The subject is read-only', code: 9000 } });
    const office = installOffice(item);
    const { insertIntoDraft } = await import('../../addin/src/office/compose-item');
    await expect(insertIntoDraft(office.context.mailbox, { html: 'x', text: 'x', subject: 'Hello' })).resolves.toEqual({ subjectSet: false });
    expect(calls.inserted).toHaveLength(1);
  });

  it('refuses to insert when the open item is a received message', async () => {
    const office = installOffice({ itemType: 'message', to: [person('ana@proseware.pt', 'Ana')] });
    const { insertIntoDraft } = await import('../../addin/src/office/compose-item');
    await expect(insertIntoDraft(office.context.mailbox, { html: 'x', text: 'x' })).rejects.toThrow('No draft is open');
  });
});
