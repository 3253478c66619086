// A simulated Office.js host for the demo page: just the part of the Outlook API the task pane
// uses, answering from the demo inbox in the parent page. Never part of the production bundle.
import type { DemoPerson } from '@rapport/shared';
import { htmlOfText } from '@rapport/shared/common/html-text';
import { demoThemeColours, isHostMessage, type DemoTheme, type DraftEdit, type PaneToHost } from './demo-bridge';
import type { DemoMessage } from './demo-message';

type DemoInboxItem = DemoMessage;

type Callback<T> = (result: { status: string; value: T; error?: { message: string; code: number } }) => void;

const Succeeded = 'succeeded';
const Failed = 'failed';

if (window.parent === window) throw new Error('The simulated Office host runs only inside the Rapport demo page');

// What the host sent: like Office.js, nothing is ready until the host has said who and what.
let user: DemoPerson = { email: '', name: '' };
let displayLanguage = 'en-US';
let theme: DemoTheme = 'light';
// The host's origin, learnt from its first message: the rep's edits of a draft go to it alone.
let hostOrigin: string | null = null;
let current: DemoInboxItem | null = null;
// What the pane was opened with (the Smart Alert's Create contact), for getInitializationContextAsync.
let initializationContext = '';
// Outlook on a phone (the demo's phone mode) says less about itself: see the Office object below.
let phone = false;
// Office gives the same item object for as long as an item is open: a draft's key depends on it.
let currentOffice: Record<string, unknown> | null = null;
const itemChangedHandlers: (() => void)[] = [];
const recipientsChangedHandlers: (() => void)[] = [];
// Edits of the draft sent to the host, waiting for its answer.
const pendingEdits = new Map<number, (error?: string) => void>();
let editIds = 0;

function openItem(item: DemoInboxItem | null) {
  current = item;
  currentOffice = item ? officeItem(item) : null;
  recipientsChangedHandlers.length = 0;
}
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !isHostMessage(event.data)) return;
  if (event.data.type === 'rapport-demo:init') {
    hostOrigin = event.origin;
    user = event.data.user;
    displayLanguage = event.data.displayLanguage;
    theme = event.data.theme;
    initializationContext = event.data.initializationContext ?? '';
    phone = event.data.device === 'phone';
    openItem(event.data.item);
    markReady();
  } else if (event.data.type === 'rapport-demo:item-changed') {
    openItem(event.data.item);
    // When Outlook told the pane (read by the benchmark's item-switch figure).
    performance.mark('rapport:item-changed');
    for (const handler of itemChangedHandlers) handler();
  } else if (event.data.type === 'rapport-demo:draft-changed') {
    if (current?.id !== event.data.item.id) return;
    current = event.data.item;
    if (event.data.recipientsChanged) for (const handler of recipientsChangedHandlers) handler();
  } else {
    const settle = pendingEdits.get(event.data.id);
    pendingEdits.delete(event.data.id);
    settle?.(event.data.error);
  }
});
window.parent.postMessage({ type: 'rapport-demo:hello' } satisfies PaneToHost, '*');

const later = <T>(callback: Callback<T> | undefined, value: T) => setTimeout(() => callback?.({ status: Succeeded, value }), 0);
const failLater = <T>(callback: Callback<T> | undefined, message: string) =>
  setTimeout(() => callback?.({ status: Failed, value: undefined as T, error: { message, code: 9000 } }), 0);
const details = (person: DemoPerson) => ({ emailAddress: person.email, displayName: person.name, recipientType: 'externalUser' });
const getter = <T>(value: T) => ({ getAsync: (...args: unknown[]) => later(args[args.length - 1] as Callback<T>, value) });

function body(item: DemoInboxItem) {
  return {
    getAsync: (_coercion: string, ...rest: unknown[]) => {
      const callback = rest[rest.length - 1] as Callback<string>;
      // The demo can show how the pane copes when Office cannot read a body.
      if (item.body.includes('[unreadable]')) failLater(callback, 'The body could not be read');
      else later(callback, item.body);
    },
  };
}

/** Asks the host to change the draft, as Office asks Outlook; calls back when the host has. */
function editDraft<T>(edit: DraftEdit extends infer E ? (E extends DraftEdit ? Omit<E, 'id'> : never) : never, callback: Callback<T> | undefined) {
  if (!hostOrigin) {
    failLater(callback, 'The compose window is not ready');
    return;
  }
  const id = ++editIds;
  pendingEdits.set(id, (error) => (error ? failLater(callback, error) : later(callback, undefined as T)));
  window.parent.postMessage({ ...edit, id } as PaneToHost, hostOrigin);
}

// A draft's fields read what the host last said, so they follow the user's typing.
const live = <T>(read: (draft: DemoInboxItem) => T) => ({ getAsync: (...args: unknown[]) => later(args[args.length - 1] as Callback<T>, read(current as DemoInboxItem)) });

function draftItem(item: DemoInboxItem): Record<string, unknown> {
  return {
    itemType: 'message',
    conversationId: item.conversationId ?? null,
    to: live((draft) => draft.to.map(details)),
    cc: live((draft) => draft.cc.map(details)),
    bcc: live(() => []),
    subject: {
      ...live((draft) => draft.subject),
      setAsync: (subject: string, ...rest: unknown[]) => editDraft({ type: 'rapport-demo:set-subject', subject }, rest[rest.length - 1] as Callback<void>),
    },
    body: {
      getTypeAsync: (...args: unknown[]) => later(args[args.length - 1] as Callback<string>, 'html'),
      setSelectedDataAsync: (data: string, options: { coercionType?: string }, ...rest: unknown[]) => {
        const html = options.coercionType === 'html' ? data : htmlOfText(data);
        editDraft({ type: 'rapport-demo:insert', html, text: data }, rest[rest.length - 1] as Callback<void>);
      },
    },
    // Mailbox 1.8: a file from the pane, kept on the draft and sent with it; its id is its place among the attachments.
    addFileAttachmentFromBase64Async: (base64: string, name: string, ...rest: unknown[]) => {
      const callback = rest[rest.length - 1] as Callback<string>;
      const id = `attachment-${(current?.attachments?.length ?? 0) + 1}`;
      editDraft({ type: 'rapport-demo:attach', name, contentBase64: base64 }, ((result: { status: string; error?: { message: string; code: number } }) =>
        callback?.(result.status === Succeeded ? { status: Succeeded, value: id } : { status: Failed, value: '', ...(result.error ? { error: result.error } : {}) })) as Callback<void>);
    },
    getInitializationContextAsync: (...args: unknown[]) => later(args[args.length - 1] as Callback<string>, initializationContext),
    loadCustomPropertiesAsync: (...args: unknown[]) => later(args[0] as Callback<unknown>, customProperties(() => current as DemoInboxItem)),
    // Mailbox 1.8: the headers the draft will be sent with (the send runtime sets them; the pane may read them).
    internetHeaders: {
      getAsync: (names: string[], ...rest: unknown[]) => {
        const headers = (current as DemoInboxItem).internetHeaders ?? {};
        later(rest[rest.length - 1] as Callback<Record<string, string>>, Object.fromEntries(names.filter((name) => name in headers).map((name) => [name, headers[name] as string])));
      },
      setAsync: (headers: Record<string, string>, ...rest: unknown[]) =>
        editDraft({ type: 'rapport-demo:set-headers', headers }, rest[rest.length - 1] as Callback<void>),
    },
    addHandlerAsync(eventType: string, handler: (args: { type: string }) => void, ...rest: unknown[]) {
      if (eventType === 'olkRecipientsChanged') recipientsChangedHandlers.push(() => handler({ type: eventType }));
      later(rest[rest.length - 1] as Callback<void> | undefined, undefined);
    },
  };
}

/**
 * An item's custom properties as Office gives them: get and set on a copy, saveAsync keeping them on the item (the host
 * holds them, so the send runtime and a pane opened again read them).
 */
function customProperties(read: () => DemoInboxItem) {
  const values: Record<string, unknown> = { ...(read().customProperties ?? {}) };
  return {
    get: (name: string) => values[name],
    set: (name: string, value: unknown) => {
      values[name] = value;
    },
    remove: (name: string) => {
      delete values[name];
    },
    getAll: () => ({ ...values }),
    saveAsync: (...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === 'function') as Callback<void> | undefined;
      editDraft({ type: 'rapport-demo:set-custom-properties', properties: { ...values } }, callback);
    },
  };
}

/** A received message's categories (Mailbox 1.8): only those of the mailbox's master list may be added, as in Outlook. */
function categoriesOf(item: DemoInboxItem) {
  return {
    getAsync: (...args: unknown[]) =>
      later(
        args[args.length - 1] as Callback<{ displayName: string; color: string }[]>,
        (item.categories ?? []).map((displayName) => ({ displayName, color: 'None' })),
      ),
    addAsync: (categories: string[], ...rest: unknown[]) =>
      editDraft({ type: 'rapport-demo:add-categories', itemId: item.id, categories }, ((result: { status: string }) => {
        if (result.status === Succeeded) item.categories = [...new Set([...(item.categories ?? []), ...categories])];
        (rest[rest.length - 1] as Callback<void> | undefined)?.(result as never);
      }) as Callback<void>),
  };
}

function officeItem(item: DemoInboxItem): Record<string, unknown> {
  if (item.mode === 'message-compose') return draftItem(item);
  if (item.mode === 'message-read') {
    return {
      itemType: 'message',
      itemId: item.id,
      subject: item.subject,
      from: item.from ? details(item.from) : undefined,
      to: item.to.map(details),
      cc: item.cc.map(details),
      internetMessageId: item.internetMessageId,
      conversationId: item.conversationId,
      dateTimeCreated: new Date(item.receivedAt),
      body: body(item),
      categories: categoriesOf(item),
      loadCustomPropertiesAsync: (...args: unknown[]) => later(args[0] as Callback<unknown>, customProperties(() => item)),
    };
  }
  if (item.mode === 'appointment-attendee') {
    return {
      itemType: 'appointment',
      itemId: item.id,
      subject: item.subject,
      organizer: item.organizer ? details(item.organizer) : undefined,
      requiredAttendees: item.requiredAttendees.map(details),
      optionalAttendees: item.optionalAttendees.map(details),
      start: new Date(item.start ?? item.receivedAt),
      end: new Date(item.end ?? item.receivedAt),
      body: body(item),
      // Kept by the host on the meeting (EventLogged labels Outlook mobile's Log card "View").
      loadCustomPropertiesAsync: (...args: unknown[]) => later(args[0] as Callback<unknown>, customProperties(() => item)),
    };
  }
  return {
    itemType: 'appointment',
    getItemIdAsync: (...args: unknown[]) => later(args[args.length - 1] as Callback<string>, item.id),
    subject: getter(item.subject),
    requiredAttendees: getter(item.requiredAttendees.map(details)),
    optionalAttendees: getter(item.optionalAttendees.map(details)),
    start: getter(new Date(item.start ?? item.receivedAt)),
    end: getter(new Date(item.end ?? item.receivedAt)),
    body: body(item),
  };
}

const mailbox = {
  get item() {
    return currentOffice;
  },
  get userProfile() {
    // The zone of the machine the demo runs on, as the local calendar's (Outlook on the web names IANA zones).
    return { emailAddress: user.email, displayName: user.name, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  },
  // The demo's item ids are the local calendar's event ids already.
  convertToRestId: (itemId: string) => itemId,
  addHandlerAsync(eventType: string, handler: (args: { type: string }) => void, ...rest: unknown[]) {
    if (eventType === 'olkItemSelectedChanged') itemChangedHandlers.push(() => handler({ type: eventType }));
    later(rest[rest.length - 1] as Callback<void> | undefined, undefined);
  },
};

// Outlook on Android and iOS declare Mailbox 1.5 (Microsoft's "Outlook JavaScript APIs supported in Outlook on mobile
// devices"); the demo's desktop Outlook, 1.13.
const supportedSets = (): Record<string, string> => ({ Mailbox: phone ? '1.5' : '1.13', NestedAppAuth: '0' });
// Versions compare part by part, as Office's do: 1.13 is above 1.7.
function atLeast(have: string, want: string): boolean {
  const [haveMajor = 0, haveMinor = 0] = have.split('.').map(Number);
  const [wantMajor = 0, wantMinor = 0] = want.split('.').map(Number);
  return haveMajor !== wantMajor ? haveMajor > wantMajor : haveMinor >= wantMinor;
}

(window as unknown as { Office: unknown }).Office = {
  onReady: async (callback?: (info: unknown) => void) => {
    await ready;
    const info = { host: 'Outlook', platform: phone ? 'Android' : 'OfficeOnline' };
    callback?.(info);
    return info;
  },
  context: {
    get displayLanguage() {
      return displayLanguage;
    },
    // Outlook mobile gives no officeTheme: the pane keeps its light theme there.
    get officeTheme() {
      return phone ? undefined : demoThemeColours[theme];
    },
    mailbox,
    requirements: {
      isSetSupported: (name: string, version = '1.1') => {
        const have = supportedSets()[name];
        return have !== undefined && have !== '0' && atLeast(have, version);
      },
    },
  },
  AsyncResultStatus: { Succeeded, Failed },
  EventType: { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged', DialogMessageReceived: 'dialogMessageReceived' },
  CoercionType: { Text: 'text', Html: 'html' },
  MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } },
};
