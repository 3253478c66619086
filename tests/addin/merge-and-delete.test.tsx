/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Contact, Deal } from '@rapport/shared';
import { DeleteRecord } from '../../addin/src/components/record-view/DeleteRecord';
import { DuplicatesSection } from '../../addin/src/components/record-view/DuplicatesSection';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
import { fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u' };
const me = (role: 'rep' | 'manager') => ({
  tenantId: 't',
  userId: 'me',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: false, importLists: role !== 'rep' },
});
const contact = (id: string, extra: Partial<Contact> = {}): Contact =>
  ({ ...stamp, id, version: 1, ownerId: 'someone', lastName: 'Silva', emails: [], phones: [], status: 'prospect', ...extra }) as Contact;
const survivor = contact('c1', { lastName: 'Silva', emails: ['ana@contoso.com'], title: 'Buyer' });
const twin = contact('c2', {
  firstName: 'Ana',
  lastName: 'Silva',
  emails: ['ana.silva.purchasing-department@a-very-long-subsidiary-name.contoso.com', 'ana@contoso.com'],
  companyId: 'co1',
  ownerId: 'colleague',
});
const company = { ...stamp, id: 'co1', version: 1, ownerId: 'someone', name: 'Contoso Pharmaceuticals', domains: ['contoso.com'], phones: [], type: 'customer' };

/** The record the pane's navigation opened, as the record view would show it. */
function Opened() {
  const { current } = useRecordNavigation();
  return <p>{current ? `Opened ${current.kind} ${current.id}` : 'Nothing opened'}</p>;
}
const inPane = (ui: ReactNode, api: ReturnType<typeof fakeApi>['api'], language?: string) =>
  renderInPane(
    <MeProvider>
      <RecordNavigationProvider>
        {ui}
        <Opened />
      </RecordNavigationProvider>
    </MeProvider>,
    { api, ...(language ? { language } : {}) },
  );

describe('DuplicatesSection', () => {
  const routes = (role: 'rep' | 'manager', merge: FakeRoute): Record<string, FakeRoute> => {
    let merged = false;
    return {
      'GET /api/me': () => me(role),
      'GET /api/contacts/{id}/duplicates': () => ({ items: merged ? [] : [{ contact: twin, reasons: ['sharedEmail', 'sameNameAtCompany'] }] }),
      'GET /api/companies/{id}': () => company,
      'POST /api/contacts/{id}/merge': (request) => {
        const answer = merge(request);
        if ((answer as { complete?: boolean }).complete) merged = true;
        return answer;
      },
    };
  };
  const mergedAnswer = (moved = { activities: 3, deals: 1, cases: 0 }, complete = true) => ({
    survivor: { ...survivor, firstName: 'Ana', companyId: 'co1', emails: [...survivor.emails, twin.emails[0]], version: 2 },
    moved,
    complete,
  });

  it('shows a manager each possible duplicate with its e-mail, company and why, and opens it', async () => {
    const { api, sentTo } = fakeApi(routes('manager', () => mergedAnswer()));
    inPane(<DuplicatesSection contact={survivor} />, api);
    const list = await screen.findByRole('list', { name: 'Possible duplicates' });
    const [item] = within(list).getAllByRole('listitem');
    // Each address on a line of its own (a long one wraps within the pane).
    expect(within(item as HTMLElement).getByText('ana.silva.purchasing-department@a-very-long-subsidiary-name.contoso.com')).toBeTruthy();
    expect(within(item as HTMLElement).getByText('ana@contoso.com')).toBeTruthy();
    await within(list).findByText('Contoso Pharmaceuticals');
    expect(item?.textContent).toContain('Same e-mail address · Same name at the same company');
    expect(sentTo('GET /api/contacts/{id}/duplicates').map((request) => request.params.id)).toEqual(['c1']);

    fireEvent.click(within(list).getByRole('button', { name: 'Ana Silva' }));
    expect(screen.getByText('Opened contact c2')).toBeTruthy();
  });

  it('asks a manager to confirm in place, saying what moves and what the survivor gains, then merges at the version read', async () => {
    const { api, sentTo } = fakeApi(routes('manager', () => mergedAnswer()));
    inPane(<DuplicatesSection contact={survivor} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Merge into this contact: Ana Silva' }));
    const confirm = screen.getByRole('group', { name: 'Merge Ana Silva into Silva?' });
    expect(confirm.textContent).toContain('The activities, deals and cases of Ana Silva move to Silva, and Ana Silva is deleted (it can be restored for 30 days).');
    expect(confirm.textContent).toContain('Silva keeps its own details and gains: first name, company, e-mail addresses.');
    // Nothing is sent before the confirmation; Cancel leaves everything as it was.
    expect(sentTo('POST /api/contacts/{id}/merge')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Merge into this contact: Ana Silva' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Merge' }));
    expect((await screen.findByRole('status')).textContent).toBe('Ana Silva was merged into this contact. Moved: activities 3, deals 1, cases 0.');
    const [sent] = sentTo('POST /api/contacts/{id}/merge');
    expect(sent).toMatchObject({ params: { id: 'c1' }, body: { duplicateId: 'c2' }, headers: { 'if-match': '"1"' } });
    // The list is read again: the duplicate is gone.
    expect(await screen.findByText('No other contact shares an e-mail address with this one, or its name at its company.')).toBeTruthy();
  });

  it('sends the same merge again while the API says more history is left to move', async () => {
    let calls = 0;
    const { api, sentTo } = fakeApi(routes('manager', () => (++calls === 1 ? mergedAnswer({ activities: 200, deals: 0, cases: 0 }, false) : mergedAnswer({ activities: 20, deals: 0, cases: 0 }))));
    inPane(<DuplicatesSection contact={survivor} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Merge into this contact: Ana Silva' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Merge' }));
    // What moved in both rounds, not the last one's.
    await screen.findByText(/was merged into this contact\. Moved: activities 220, deals 0, cases 0\./);
    expect(sentTo('POST /api/contacts/{id}/merge').map((request) => request.headers['if-match'])).toEqual(['"1"', '"1"']);
  });

  it('dice en el idioma del usuario por qué no se fusionaron, y no quita el duplicado', async () => {
    const { api } = fakeApi(routes('manager', () => fail(403, 'AUTH.ROLE_REQUIRED', { requiredRole: 'manager' })));
    inPane(<DuplicatesSection contact={survivor} />, api, 'es-ES');
    fireEvent.click(await screen.findByRole('button', { name: 'Fusionar con este contacto: Ana Silva' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Fusionar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Solo un responsable o un administrador puede hacer esto. Si lo necesitas, consulta a tu administrador.');
    expect(screen.getByRole('list', { name: 'Posibles duplicados' })).toBeTruthy();
  });

  it('shows a rep no duplicates and no merge, and reads nothing for it', async () => {
    const { api, sentTo } = fakeApi(routes('rep', () => mergedAnswer()));
    inPane(<DuplicatesSection contact={survivor} />, api);
    await waitFor(() => expect(sentTo('GET /api/me')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('heading', { name: 'Possible duplicates' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
    expect(sentTo('GET /api/contacts/{id}/duplicates')).toHaveLength(0);
  });
});

describe('DeleteRecord', () => {
  const deal = { ...stamp, id: 'd1', version: 3, ownerId: 'me', name: '50 seats', contactIds: [], amount: 1000, currency: 'EUR', stage: 'proposal', probability: 50, status: 'open', lineItems: [] } as unknown as Deal;
  const routes = (role: 'rep' | 'manager'): Record<string, FakeRoute> => ({
    'GET /api/me': () => me(role),
    'DELETE /api/deals/{id}': () => undefined,
    'POST /api/deals/{id}/restore': (request) => ({ ...deal, version: Number(String(request.headers['if-match']).replace(/"/g, '')) + 1 }),
  });

  it('deletes after a confirmation in place, then Undo restores it at its deleted version', async () => {
    const { api, sentTo } = fakeApi(routes('rep'));
    const onDeleted = jest.fn();
    inPane(<DeleteRecord kind="deal" record={deal} onDeleted={onDeleted} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('group', { name: 'Delete 50 seats? It can be restored for 30 days.' });
    expect(sentTo('DELETE /api/deals/{id}')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));

    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('Deleted.');
    expect(sentTo('DELETE /api/deals/{id}')).toMatchObject([{ params: { id: 'd1' }, headers: { 'if-match': '"3"' } }]);
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Restored.'));
    // A delete is a change: the deleted deal is at version 4, which the restore names.
    expect(sentTo('POST /api/deals/{id}/restore')).toMatchObject([{ params: { id: 'd1' }, headers: { 'if-match': '"4"' } }]);
    expect(onDeleted).not.toHaveBeenCalled();

    // Deleted again, it is deleted at the restored version (5).
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Yes, delete' }));
    fireEvent.click(within(await screen.findByRole('status')).getByRole('button', { name: 'Back' }));
    expect(sentTo('DELETE /api/deals/{id}').map((request) => request.headers['if-match'])).toEqual(['"3"', '"5"']);
    expect(onDeleted).toHaveBeenCalledTimes(1);
  });

  it("offers no delete of a colleague's record to a rep, and offers it to a manager", async () => {
    const theirs = { ...deal, ownerId: 'colleague' } as Deal;
    const rep = fakeApi(routes('rep'));
    const view = inPane(<DeleteRecord kind="deal" record={theirs} />, rep.api);
    await waitFor(() => expect(rep.sentTo('GET /api/me')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    view.unmount();

    const manager = fakeApi(routes('manager'));
    inPane(<DeleteRecord kind="deal" record={theirs} />, manager.api);
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('says in the user’s language why it was not deleted, with Reload when someone changed it first', async () => {
    const { api } = fakeApi({ ...routes('rep'), 'DELETE /api/deals/{id}': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'deal', currentVersion: 4 }), 'GET /api/deals/{id}': () => ({ ...deal, version: 4 }) });
    inPane(<DeleteRecord kind="deal" record={deal} />, api, 'pt-BR');
    fireEvent.click(await screen.findByRole('button', { name: 'Excluir' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Sim, excluir' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: /Recarregar/ })).toBeTruthy();
  });
});
