import type { CalendarApi } from '../../addin/src/graph/calendar';
import { markOpenMessageLogged } from '../../addin/src/data/logged-category';

// The "Logged to Rapport" category the pane puts on a logged e-mail: Office.js on the item (Mailbox 1.8), the master list
// through delegated Graph, once per mailbox a session; silent when it cannot.

type Category = { displayName: string; color: string };

function fakeOutlook(options: { mailbox: string; mailbox18?: boolean; categories?: Category[]; master?: string[]; addFails?: boolean }) {
  const categories = [...(options.categories ?? [])];
  const master = new Set(options.master ?? []);
  const succeeded = <T>(value: T) => ({ status: 'succeeded', value });
  (globalThis as { Office?: unknown }).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { ItemType: { Message: 'message' } },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'Mailbox' && (options.mailbox18 !== false || version < '1.8') },
      mailbox: {
        userProfile: { emailAddress: options.mailbox },
        item: {
          itemType: 'message',
          categories: {
            getAsync: (callback: (result: unknown) => void) => callback(succeeded([...categories])),
            addAsync: (names: string[], callback: (result: unknown) => void) => {
              // Outlook adds only categories of the master list.
              if (options.addFails || names.some((name) => !master.has(name))) return callback({ status: 'failed', error: { message: 'Not in the master list', code: 9000 } });
              categories.push(...names.map((displayName) => ({ displayName, color: 'preset4' })));
              callback(succeeded(undefined));
            },
          },
        },
      },
    },
  };
  const graphCalls: string[] = [];
  const calendar = {
    ensureMasterCategory: async (name: string) => {
      graphCalls.push(name);
      master.add(name);
    },
  } as unknown as CalendarApi;
  return { categories, graphCalls, load: async () => calendar };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

describe('the Logged to Rapport category on a logged e-mail', () => {
  it('creates the category in the master list through Graph, then puts it on the open message', async () => {
    const outlook = fakeOutlook({ mailbox: 'avery@rapport.test' });
    await markOpenMessageLogged(outlook.load);
    expect(outlook.graphCalls).toEqual(['Logged to Rapport']);
    expect(outlook.categories.map((category) => category.displayName)).toEqual(['Logged to Rapport']);
  });

  it('asks Graph once a session per mailbox, whatever the number of logged messages', async () => {
    const first = fakeOutlook({ mailbox: 'once@rapport.test' });
    await markOpenMessageLogged(first.load);
    const second = fakeOutlook({ mailbox: 'once@rapport.test', master: ['Logged to Rapport'] });
    await markOpenMessageLogged(second.load);
    expect([...first.graphCalls, ...second.graphCalls]).toEqual(['Logged to Rapport']);
    expect(second.categories.map((category) => category.displayName)).toEqual(['Logged to Rapport']);
  });

  it('does nothing to a message that has the category already', async () => {
    const outlook = fakeOutlook({ mailbox: 'has@rapport.test', categories: [{ displayName: 'logged to rapport', color: 'preset4' }] });
    await markOpenMessageLogged(outlook.load);
    expect(outlook.graphCalls).toEqual([]);
    expect(outlook.categories).toHaveLength(1);
  });

  it('skips where Outlook lacks Mailbox 1.8', async () => {
    const outlook = fakeOutlook({ mailbox: 'old@rapport.test', mailbox18: false });
    await markOpenMessageLogged(outlook.load);
    expect(outlook.graphCalls).toEqual([]);
    expect(outlook.categories).toEqual([]);
  });

  it('says nothing to the rep when Outlook refuses: a debug line only', async () => {
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    const outlook = fakeOutlook({ mailbox: 'refused@rapport.test', addFails: true });
    await expect(markOpenMessageLogged(outlook.load)).resolves.toBeUndefined();
    expect(debug).toHaveBeenCalledWith('Rapport could not put its category on the logged e-mail', expect.any(Error));
  });
});
