// A simulated Office.js host for the demo page: just the part of the Outlook API the task pane
// uses, answering from the demo inbox in the parent page. Never part of the production bundle.
import type { DemoInboxItem, DemoPerson } from '@rapport/shared';
import { demoThemeColours, isHostMessage, type DemoTheme, type PaneToHost } from './demo-bridge';

type Callback<T> = (result: { status: string; value: T; error?: { message: string; code: number } }) => void;

const Succeeded = 'succeeded';
const Failed = 'failed';

if (window.parent === window) throw new Error('The simulated Office host runs only inside the Rapport demo page');

// What the host sent: like Office.js, nothing is ready until the host has said who and what.
let user: DemoPerson = { email: '', name: '' };
let displayLanguage = 'en-US';
let theme: DemoTheme = 'light';
let current: DemoInboxItem | null = null;
const itemChangedHandlers: (() => void)[] = [];
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !isHostMessage(event.data)) return;
  if (event.data.type === 'rapport-demo:init') {
    user = event.data.user;
    displayLanguage = event.data.displayLanguage;
    theme = event.data.theme;
    current = event.data.item;
    markReady();
  } else {
    current = event.data.item;
    // When Outlook told the pane (read by the benchmark's item-switch figure).
    performance.mark('rapport:item-changed');
    for (const handler of itemChangedHandlers) handler();
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

function officeItem(item: DemoInboxItem): Record<string, unknown> {
  if (item.mode === 'message-read') {
    return {
      itemType: 'message',
      itemId: item.id,
      subject: item.subject,
      from: item.from ? details(item.from) : undefined,
      to: item.to.map(details),
      cc: item.cc.map(details),
      internetMessageId: item.internetMessageId,
      dateTimeCreated: new Date(item.receivedAt),
      body: body(item),
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
    return current ? officeItem(current) : null;
  },
  get userProfile() {
    return { emailAddress: user.email, displayName: user.name, timeZone: 'UTC' };
  },
  // The demo's item ids are the local calendar's event ids already.
  convertToRestId: (itemId: string) => itemId,
  addHandlerAsync(eventType: string, handler: (args: { type: string }) => void, ...rest: unknown[]) {
    if (eventType === 'olkItemSelectedChanged') itemChangedHandlers.push(() => handler({ type: eventType }));
    later(rest[rest.length - 1] as Callback<void> | undefined, undefined);
  },
};

const supported: Record<string, number> = { Mailbox: 1.13, NestedAppAuth: 0 };

(window as unknown as { Office: unknown }).Office = {
  onReady: async (callback?: (info: unknown) => void) => {
    await ready;
    const info = { host: 'Outlook', platform: 'OfficeOnline' };
    callback?.(info);
    return info;
  },
  context: {
    get displayLanguage() {
      return displayLanguage;
    },
    get officeTheme() {
      return demoThemeColours[theme];
    },
    mailbox,
    requirements: { isSetSupported: (name: string, version = '1.1') => (supported[name] ?? 0) >= Number.parseFloat(version) },
  },
  AsyncResultStatus: { Succeeded, Failed },
  EventType: { ItemChanged: 'olkItemSelectedChanged', DialogMessageReceived: 'dialogMessageReceived' },
  CoercionType: { Text: 'text', Html: 'html' },
  MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' } },
};
