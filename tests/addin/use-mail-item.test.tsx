/** @jest-environment jsdom */
import { renderHook, waitFor } from '@testing-library/react';
import { useMailItem } from '../../addin/src/hooks/useMailItem';
import type { MailItem } from '../../addin/src/office/mail-item';

// The hook gets Outlook's item through a plain callback: no Office here.
const readMailItem = jest.fn<Promise<MailItem | null>, []>();

const itemWith = (key: string): MailItem => ({ mode: 'message-read', key, subject: key, participants: [], internetMessageId: key, eventId: null, start: null, end: null, sentAt: null });

describe('useMailItem', () => {
  beforeEach(() => readMailItem.mockReset());

  it('catches an item selected while its change handler was being registered', async () => {
    let selected = itemWith('first');
    readMailItem.mockImplementation(async () => selected);
    let registered: () => void = () => undefined;
    // Outlook moves to another item before the registration completes: no ItemChanged event reaches the pane.
    const subscribe = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          registered = resolve;
        }),
    );
    const { result } = renderHook(() => useMailItem(readMailItem, subscribe));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', item: { key: 'first' } }));
    selected = itemWith('second');
    registered();
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', item: { key: 'second' } }));
  });

  it('keeps the item it shows when a read finds the same item again', async () => {
    readMailItem.mockImplementation(async () => itemWith('same'));
    const subscribe = async () => undefined;
    const { result } = renderHook(() => useMailItem(readMailItem, subscribe));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const shown = result.current;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current).toBe(shown);
    expect(readMailItem).toHaveBeenCalledTimes(2);
  });

  it('shows a draft again when its recipients change, as the same item', async () => {
    const draft = (emails: string[]): MailItem => ({ ...itemWith('compose|1|'), mode: 'message-compose', participants: emails.map((email) => ({ email, name: null, role: 'to' })) });
    let current = draft(['ana@contoso.com']);
    readMailItem.mockImplementation(async () => current);
    let recipientsChanged: () => void = () => undefined;
    const subscribe = async (onChange: () => void) => {
      recipientsChanged = onChange;
    };
    const { result } = renderHook(() => useMailItem(readMailItem, subscribe));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', item: { participants: [{ email: 'ana@contoso.com' }] } }));
    current = draft(['ana@contoso.com', 'bo@fabrikam.com']);
    recipientsChanged();
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', item: { key: 'compose|1|', participants: [{ email: 'ana@contoso.com' }, { email: 'bo@fabrikam.com' }] } }));
  });
});
