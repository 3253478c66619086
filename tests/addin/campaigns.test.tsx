/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import type { ReactNode } from 'react';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Campaign, Lead, Member, WebForm } from '@rapport/shared';
import { MembersAdmin } from '../../addin/src/components/MembersAdmin';
import { SettingsView } from '../../addin/src/components/SettingsView';
import { WebFormsAdmin } from '../../addin/src/components/WebFormsAdmin';
import { CampaignsAdmin } from '../../addin/src/components/campaigns/CampaignsAdmin';
import { RecordView } from '../../addin/src/components/record-view/RecordView';
import { useMe } from '../../addin/src/hooks/useMe';
import { useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
// Parts the views load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/campaigns/CampaignDetails';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { membersOf } from './pane-harness';

// Campaigns in the pane, over the real API and store (the standalone host on a random port): an admin makes a member a
// campaign manager; a campaign manager keeps the campaigns in Settings (made, changed on the version read with the
// statuses that may follow, deleted with Undo), told the API's refusals in their language; anyone chooses a lead's
// campaign in a picker and opens it from the lead; an admin chooses a web form's.

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

const ADMIN = 'sam-admin';
const MARKETER = 'mia-marketer';
const REP = 'avery-rep';
const names: Record<string, string> = { [ADMIN]: 'Sam Ortiz', [MARKETER]: 'Mia Rossi', [REP]: 'Avery Quinn' };
type Role = 'admin' | 'rep';
const roleOf = (userId: string): Role => (userId === ADMIN ? 'admin' : 'rep');

/** The pane's record view over what is rendered: an opened record shows instead, as in the task pane. */
function Pane({ children }: { children: ReactNode }) {
  const { current } = useRecordNavigation();
  // Who the pane knows is signed in: what it offers is decided once this is known.
  const me = useMe();
  return (
    <>
      <output aria-label="signed in">{me?.userId ?? ''}</output>
      {current ? <RecordView key={`${current.kind}:${current.id}`} record={current} /> : children}
    </>
  );
}

describe('campaigns in the pane, over the API', () => {
  let api: InProcessApi;
  let tenants = 0;
  let tenant: string;
  let keys = 0;
  const members = membersOf(() => api, { tenant: () => tenant, names });
  const as = <T,>(userId: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    members.call<T>(userId, roleOf(userId), method, route, body, { ...(method === 'POST' ? { 'idempotency-key': `${tenant}-${++keys}` } : {}), ...headers });
  const render = (ui: ReactNode, userId: string, language?: string) => members.render(<Pane>{ui}</Pane>, { userId, role: roleOf(userId) }, language);
  const signedIn = (userId: string) => waitFor(() => expect(screen.getByRole('status', { name: 'signed in' }).textContent).toBe(userId));
  const opened = () => screen.getByRole('status', { name: 'open record' }).textContent;
  const newCampaign = (fields: Partial<Campaign> & { name: string }) => as<Campaign>(ADMIN, 'POST', '/api/campaigns', { channel: 'email', ...fields });
  const makeCampaignManager = async (userId: string, capabilities: string[] = ['campaignManager']) => {
    const list = await as<{ items: Member[] }>(ADMIN, 'GET', '/api/members?limit=100');
    const member = list.items.find((one) => one.id === userId)!;
    await as(ADMIN, 'PATCH', `/api/members/${userId}`, { capabilities }, { 'if-match': `"${member.version}"` });
  };

  beforeAll(async () => {
    api = await startInProcessApi('campaigns');
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-campaigns-${++tenants}`;
    // Everyone signs in once: members by their token's name.
    for (const userId of [ADMIN, MARKETER, REP]) await as(userId, 'GET', '/api/me');
  });

  describe('the campaign manager toggle in Settings → Members', () => {
    it("makes a member a campaign manager with a tick on the member's version, shows the badge, and takes it back; an admin's editor says admins keep campaigns anyway", async () => {
      render(<MembersAdmin />, ADMIN, 'es-ES');
      const change = await screen.findByRole('button', { name: 'Cambiar Mia Rossi' });
      const row = change.closest('li')!;
      fireEvent.click(change);
      const tick = screen.getByRole('checkbox', { name: 'Gestor de campañas: Mia Rossi mantiene las campañas y sus enlaces' }) as HTMLInputElement;
      expect(tick.checked).toBe(false);
      expect(within(row).queryByText('Gestor de campañas')).toBeNull();
      fireEvent.click(tick);
      await waitFor(() => expect(within(row).getByText('Gestor de campañas')).toBeTruthy());
      expect(tick.checked).toBe(true);
      expect((await as<{ items: Member[] }>(ADMIN, 'GET', '/api/members?limit=100')).items.find((one) => one.id === MARKETER)?.capabilities).toEqual(['campaignManager']);
      // The knowledge editor's tick is another: giving one keeps the other.
      fireEvent.click(screen.getByRole('checkbox', { name: 'Editor de conocimiento: Mia Rossi escribe artículos de la base de conocimiento' }));
      await waitFor(() => expect(within(row).getByText('Editor de conocimiento')).toBeTruthy());
      fireEvent.click(tick);
      await waitFor(() => expect(within(row).queryByText('Gestor de campañas')).toBeNull());
      expect((await as<{ items: Member[] }>(ADMIN, 'GET', '/api/members?limit=100')).items.find((one) => one.id === MARKETER)?.capabilities).toEqual(['knowledgeEditor']);

      fireEvent.click(screen.getByRole('button', { name: 'Cambiar Sam Ortiz' }));
      expect(within(screen.getByRole('group', { name: 'Cambiar Sam Ortiz' })).getByText('Los administradores las mantienen de todos modos.')).toBeTruthy();
    });
  });

  describe('Settings → Campaigns', () => {
    it('shows a campaign manager who is no admin the campaigns alone, opened, and an admin every section', async () => {
      await makeCampaignManager(MARKETER);
      await newCampaign({ name: 'Spring webinar', status: 'active', startsOn: '2027-03-01', endsOn: '2027-04-30', budget: 5000, currency: 'EUR' });
      const view = render(<SettingsView />, MARKETER);
      await signedIn(MARKETER);
      const settings = screen.getByRole('group', { name: 'Settings' });
      expect(within(settings).getAllByRole('region').map((section) => section.getAttribute('aria-label'))).toEqual(['Campaigns']);
      const list = await screen.findByRole('list', { name: 'Campaigns' });
      expect(within(list).getByRole('listitem').textContent).toBe('Spring webinarActiveE-mail · Mar 1, 2027 – Apr 30, 2027 · Budget €5,000.00');
      view.unmount();

      render(<SettingsView />, ADMIN);
      await signedIn(ADMIN);
      const titles = within(screen.getByRole('group', { name: 'Settings' }))
        .getAllByRole('region')
        .map((section) => section.getAttribute('aria-label'));
      expect(titles).toContain('Members');
      expect(titles.indexOf('Campaigns')).toBe(titles.indexOf('Web forms') - 1);
    });

    it("makes a campaign: the pane's checks first, then the API's refusal of a name taken, in the user's language, then made and listed", async () => {
      await makeCampaignManager(MARKETER);
      await newCampaign({ name: 'Trade fair Milano', channel: 'event' });
      render(<CampaignsAdmin />, MARKETER, 'es-ES');
      await screen.findByRole('list', { name: 'Campañas' });
      fireEvent.click(screen.getByRole('button', { name: 'Nueva campaña' }));
      const form = screen.getByRole('form', { name: 'Nueva campaña' });
      expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: /Nombre/ }));
      // Nothing is sent without a name, with a budget that is no amount, or with an end before the start.
      fireEvent.change(within(form).getByLabelText('Presupuesto'), { target: { value: 'mucho' } });
      fireEvent.change(within(form).getByLabelText('Empieza'), { target: { value: '2027-05-10' } });
      fireEvent.change(within(form).getByLabelText('Termina'), { target: { value: '2027-05-01' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Crear campaña' }));
      expect(within(form).getByText('Escribe el nombre de la campaña.')).toBeTruthy();
      expect(within(form).getByText('Escribe un presupuesto de 0 o más, como 5000 o 5000,50.')).toBeTruthy();
      expect(within(form).getByText('El fin es anterior al inicio: cambia una de las fechas.')).toBeTruthy();

      // A name another campaign has, whatever the case: the API refuses it at the field, in Spanish.
      fireEvent.change(within(form).getByRole('textbox', { name: /Nombre/ }), { target: { value: 'trade FAIR milano' } });
      fireEvent.change(within(form).getByLabelText('Presupuesto'), { target: { value: '12.500,50' } });
      fireEvent.change(within(form).getByLabelText('Termina'), { target: { value: '2027-05-20' } });
      fireEvent.change(within(form).getByRole('combobox', { name: 'Canal' }), { target: { value: 'event' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Crear campaña' }));
      expect(await within(form).findByText('Ya hay una campaña con ese nombre. Elígela o dale otro nombre a esta.')).toBeTruthy();

      fireEvent.change(within(form).getByRole('textbox', { name: /Nombre/ }), { target: { value: 'Feria de Madrid' } });
      fireEvent.change(within(form).getByRole('textbox', { name: 'Descripción' }), { target: { value: 'Stand 4B, pabellón 7.' } });
      // The budget's currency unless another is chosen: the tenant's reporting currency (a new tenant's is USD).
      expect((within(form).getByRole('combobox', { name: 'Moneda' }) as HTMLSelectElement).value).toBe('USD');
      fireEvent.click(within(form).getByRole('button', { name: 'Crear campaña' }));
      expect(await screen.findByText('Feria de Madrid está creada: elígela en los leads y los formularios web.')).toBeTruthy();
      const row = (await within(screen.getByRole('list', { name: 'Campañas' })).findByRole('button', { name: 'Feria de Madrid' })).closest('li')!;
      expect(row.textContent).toBe('Feria de MadridPlanificadaEvento · 10 may 2027 – 20 may 2027 · Presupuesto 12.500,50\u00a0US$');
      const stored = (await as<{ items: Campaign[] }>(ADMIN, 'GET', '/api/campaigns')).items.find((campaign) => campaign.name === 'Feria de Madrid');
      expect(stored).toMatchObject({ channel: 'event', status: 'planned', startsOn: '2027-05-10', endsOn: '2027-05-20', budget: 12500.5, currency: 'USD', description: 'Stand 4B, pabellón 7.', ownerId: MARKETER });
    });

    it('changes a campaign on the version read, offering only the statuses that may follow; told who changed it first, and the API refusing a step the flow does not allow, in Italian', async () => {
      await makeCampaignManager(MARKETER);
      const webinar = await newCampaign({ name: 'Spring webinar' });
      render(<CampaignsAdmin />, MARKETER, 'it-IT');
      fireEvent.click(await screen.findByRole('button', { name: 'Modifica Spring webinar' }));
      const editor = screen.getByRole('form', { name: 'Modifica Spring webinar' });
      const status = within(editor).getByRole('combobox', { name: 'Stato' }) as HTMLSelectElement;
      expect([...status.options].map((option) => option.textContent)).toEqual(['Pianificata', 'Attiva', 'Annullata']);
      fireEvent.change(status, { target: { value: 'active' } });
      fireEvent.change(within(editor).getByLabelText('Budget'), { target: { value: '2000' } });

      // Meanwhile the admin cancels it: the save is refused as stale, and says who changed what.
      await as(ADMIN, 'PATCH', `/api/campaigns/${webinar.id}`, { status: 'cancelled' }, { 'if-match': `"${webinar.version}"` });
      fireEvent.click(within(editor).getByRole('button', { name: 'Salva Spring webinar' }));
      expect(await within(editor).findByText(/^Sam Ortiz ha modificato Stato/)).toBeTruthy();
      // Applied again over it: a cancelled campaign is planned again before it runs, which the API says in Italian.
      fireEvent.click(within(editor).getByRole('button', { name: 'Applica di nuovo il mio' }));
      expect(await within(editor).findByText('Una campagna non può passare direttamente a quello stato: quelle pianificate iniziano, quelle attive terminano o vengono annullate. Scegli lo stato successivo.')).toBeTruthy();

      // Read again: the editor offers what may follow "cancelled"; the budget typed is kept.
      await waitFor(() => expect([...status.options].map((option) => option.textContent)).toEqual(['Annullata', 'Pianificata']));
      expect(status.value).toBe('cancelled');
      expect((within(editor).getByLabelText('Budget') as HTMLInputElement).value).toBe('2000');
      fireEvent.change(status, { target: { value: 'planned' } });
      fireEvent.click(within(editor).getByRole('button', { name: 'Salva Spring webinar' }));
      await waitFor(() => expect(screen.queryByRole('form', { name: 'Modifica Spring webinar' })).toBeNull());
      expect(within(screen.getByRole('list', { name: 'Campagne' })).getByRole('listitem').textContent).toContain('Pianificata');
      expect(await as<Campaign>(ADMIN, 'GET', `/api/campaigns/${webinar.id}`)).toMatchObject({ status: 'planned', budget: 2000, version: webinar.version + 2 });
    });

    it('says, in Portuguese, that only campaign managers change campaigns when an admin took the capability away meanwhile', async () => {
      await makeCampaignManager(MARKETER);
      await newCampaign({ name: 'Newsletter' });
      render(<CampaignsAdmin />, MARKETER, 'pt-BR');
      fireEvent.click(await screen.findByRole('button', { name: 'Alterar Newsletter' }));
      const editor = screen.getByRole('form', { name: 'Alterar Newsletter' });
      fireEvent.change(within(editor).getByRole('combobox', { name: 'Canal' }), { target: { value: 'social' } });
      await makeCampaignManager(MARKETER, []);
      fireEvent.click(within(editor).getByRole('button', { name: 'Salvar Newsletter' }));
      expect(await within(editor).findByText('Somente um gestor de campanhas ou um administrador pode alterar as campanhas e seus links. Peça ao seu administrador para torná-lo gestor de campanhas.')).toBeTruthy();
    });

    it('deletes a campaign after asking, and Undo brings it back', async () => {
      await newCampaign({ name: 'Partner referral', channel: 'affiliate' });
      render(<CampaignsAdmin />, ADMIN);
      fireEvent.click(await screen.findByRole('button', { name: 'Change Partner referral' }));
      fireEvent.click(screen.getByRole('button', { name: 'Delete Partner referral' }));
      const confirm = screen.getByRole('group', { name: 'Delete Partner referral' });
      expect(confirm.textContent).toContain('Delete Partner referral? Leads, deals and web forms that name it keep its name, and it can be restored for 30 days.');
      fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
      expect(await screen.findByText('Partner referral is deleted.')).toBeTruthy();
      expect(await screen.findByText('No campaigns yet: make one above, then choose it on leads and web forms.')).toBeTruthy();
      expect((await as<{ items: Campaign[] }>(ADMIN, 'GET', '/api/campaigns')).items).toEqual([]);

      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      expect(await screen.findByText('Partner referral is back.')).toBeTruthy();
      expect(await within(await screen.findByRole('list', { name: 'Campaigns' })).findByRole('button', { name: 'Partner referral' })).toBeTruthy();
    });

    it('opens a campaign from the list as a record: its details, its editor for whoever keeps campaigns, its changes', async () => {
      await newCampaign({ name: 'Trade fair Milano', channel: 'event', status: 'active', budget: 8000, currency: 'EUR', description: 'Hall 3.' });
      render(<CampaignsAdmin />, ADMIN);
      fireEvent.click(await screen.findByRole('button', { name: 'Trade fair Milano' }));
      const record = await screen.findByRole('article', { name: 'Trade fair Milano' });
      expect(opened()).toMatch(/^campaign:/);
      expect(within(record).getByRole('heading', { level: 1 }).textContent).toBe('Trade fair Milano');
      const details = within(record).getByRole('region', { name: 'Details' });
      await within(details).findByText('Hall 3.');
      const facts = Object.fromEntries([...details.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent]));
      expect(facts).toEqual({ Channel: 'Event', Status: 'Active', Starts: 'Not set', Ends: 'Not set', Budget: '€8,000.00', Owner: 'Sam Ortiz', Description: 'Hall 3.' });
      // Its tracked links, under the details: none yet, and whoever keeps campaigns makes them there.
      const links = await within(details).findByRole('region', { name: 'Tracked links' });
      expect(await within(links).findByText(/^No tracked links yet\. Make one/)).toBeTruthy();
      expect(within(links).getByRole('button', { name: 'New tracked link' })).toBeTruthy();
      fireEvent.click(within(details).getByRole('button', { name: 'Change Trade fair Milano' }));
      const editor = within(details).getByRole('form', { name: 'Change Trade fair Milano' });
      expect([...(within(editor).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).options].map((option) => option.value)).toEqual(['active', 'completed', 'cancelled']);
      fireEvent.change(within(editor).getByRole('combobox', { name: 'Status' }), { target: { value: 'completed' } });
      fireEvent.click(within(editor).getByRole('button', { name: 'Save Trade fair Milano' }));
      await waitFor(() => expect(Object.fromEntries([...within(record).getByRole('region', { name: 'Details' }).querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent])).Status).toBe('Completed'));
      fireEvent.click(within(record).getByRole('button', { name: 'Changes' }));
      expect(await within(record).findByText(/Status/)).toBeTruthy();
    });
  });

  describe('the campaign picker', () => {
    it("chooses a lead's campaign in its record view, found by typing, with each campaign's channel and status; the lead's campaign opens the campaign, which a rep only reads", async () => {
      const webinar = await newCampaign({ name: 'Spring webinar', status: 'active' });
      await newCampaign({ name: 'Trade fair Milano', channel: 'event', status: 'active' });
      await newCampaign({ name: 'Spring fair 2027', channel: 'event' });
      const lead = await as<Lead>(REP, 'POST', '/api/leads', { firstName: 'Greta', lastName: 'Holm', companyName: 'Fjord AS', campaignId: webinar.id });
      render(<OpenLead id={lead.id} />, REP);
      const record = await screen.findByRole('article', { name: 'Greta Holm' });
      // The lead names its campaign under its name and in its details; no field of the server's kept name.
      await waitFor(() => expect(within(record).getAllByText('Spring webinar')).toHaveLength(2));
      expect(within(record).getAllByLabelText('Edit Campaign')).toHaveLength(1);
      fireEvent.click(within(record).getByLabelText('Edit Campaign'));
      const form = within(record).getByLabelText('Changing Campaign');
      const picker = within(form).getByRole('combobox', { name: 'Campaign' }) as HTMLInputElement;
      await waitFor(() => expect(picker.value).toBe('Spring webinar'));
      fireEvent.keyDown(picker, { key: 'ArrowDown' });
      const listbox = within(form).getByRole('listbox', { name: 'Campaign' });
      expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual(['No campaign', 'Spring webinarE-mailActive', 'Trade fair MilanoEventActive', 'Spring fair 2027EventPlanned']);
      expect(within(listbox).getByRole('option', { selected: true }).textContent).toBe('Spring webinarE-mailActive');
      fireEvent.change(picker, { target: { value: 'MILANO' } });
      expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual(['No campaign', 'Trade fair MilanoEventActive']);
      // The keyboard chooses it: down to the campaign, Enter.
      fireEvent.keyDown(picker, { key: 'ArrowDown' });
      fireEvent.keyDown(picker, { key: 'ArrowDown' });
      expect(picker.getAttribute('aria-activedescendant')).toBe(within(listbox).getByRole('option', { name: /Trade fair Milano/ }).id);
      fireEvent.keyDown(picker, { key: 'Enter' });
      expect(picker.value).toBe('Trade fair Milano');
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(within(record).queryByRole('form', { name: 'Changing Campaign' })).toBeNull());
      const saved = await as<Lead>(REP, 'GET', `/api/leads/${lead.id}`);
      expect(saved).toMatchObject({ campaignId: (await as<{ items: Campaign[] }>(REP, 'GET', '/api/campaigns')).items.find((one) => one.name === 'Trade fair Milano')!.id, campaign: 'Trade fair Milano' });

      // The lead's campaign opens the campaign: a rep reads it, and is offered no change.
      await waitFor(() => expect(within(record).getAllByText('Trade fair Milano')).toHaveLength(2));
      fireEvent.click(within(record).getAllByText('Trade fair Milano')[1]!.closest('button')!);
      const campaign = await screen.findByRole('article', { name: 'Trade fair Milano' });
      expect(opened()).toBe(`campaign:${saved.campaignId}`);
      expect(within(campaign).getByText('Campaign')).toBeTruthy();
      await signedIn(REP);
      await within(campaign).findByText('Owner');
      expect(within(campaign).queryByText('Change Trade fair Milano')).toBeNull();
      expect(within(campaign).queryByText('Delete')).toBeNull();
      // ...and its tracked links, to copy, with none to make.
      const links = await within(campaign).findByRole('region', { name: 'Tracked links' });
      expect(await within(links).findByText('This campaign has no tracked links yet.')).toBeTruthy();
      expect(within(links).queryByRole('button', { name: 'New tracked link' })).toBeNull();
    });

    it("clears a lead's campaign with No campaign", async () => {
      const webinar = await newCampaign({ name: 'Spring webinar', status: 'active' });
      const lead = await as<Lead>(REP, 'POST', '/api/leads', { lastName: 'Holm', campaignId: webinar.id });
      render(<OpenLead id={lead.id} />, REP, 'es-ES');
      const record = await screen.findByRole('article', { name: 'Holm' });
      await waitFor(() => expect(within(record).getAllByText('Spring webinar')).toHaveLength(2));
      fireEvent.click(within(record).getByLabelText('Editar Campaña'));
      const form = within(record).getByLabelText('Cambiando Campaña');
      fireEvent.click(within(form).getByRole('combobox', { name: 'Campaña' }));
      fireEvent.click(within(form).getByRole('option', { name: 'Sin campaña' }));
      fireEvent.click(within(form).getByRole('button', { name: 'Guardar' }));
      await waitFor(() => expect(within(record).queryByText('Spring webinar')).toBeNull());
      const saved = await as<Lead>(REP, 'GET', `/api/leads/${lead.id}`);
      expect(saved.campaignId).toBeUndefined();
      expect(saved.campaign).toBeUndefined();
    });

    it("chooses a web form's campaign when an admin makes it, and the form's campaign opens", async () => {
      await newCampaign({ name: 'Spring fair 2027', channel: 'event' });
      await newCampaign({ name: 'Newsletter' });
      render(<WebFormsAdmin />, ADMIN);
      fireEvent.click(await screen.findByRole('button', { name: 'New web form' }));
      const form = screen.getByRole('form', { name: 'New web form' });
      fireEvent.change(within(form).getByRole('textbox', { name: /Name/ }), { target: { value: 'Spring fair sign-up' } });
      const picker = within(form).getByRole('combobox', { name: 'Campaign' });
      fireEvent.change(picker, { target: { value: 'fair' } });
      fireEvent.click(await within(form).findByRole('option', { name: /^Spring fair 2027/ }));
      fireEvent.click(within(form).getByRole('button', { name: 'Create web form' }));
      const link = await screen.findByRole('button', { name: 'Spring fair 2027' });
      expect(link.closest('li')!.textContent).toContain('Campaign: Spring fair 2027');
      const stored = (await as<{ items: WebForm[] }>(ADMIN, 'GET', '/api/forms')).items[0]!;
      expect(stored).toMatchObject({ name: 'Spring fair sign-up', campaign: 'Spring fair 2027' });
      fireEvent.click(link);
      await screen.findByRole('article', { name: 'Spring fair 2027' });
      expect(opened()).toBe(`campaign:${stored.campaignId}`);
    });

    it('says when the tenant has no campaigns yet, and where they are made', async () => {
      render(<WebFormsAdmin />, ADMIN, 'it-IT');
      fireEvent.click(await screen.findByRole('button', { name: 'Nuovo modulo web' }));
      expect(await screen.findByText('Ancora nessuna campagna. I responsabili delle campagne le creano in Impostazioni → Campagne.')).toBeTruthy();
    });
  });
});

/** Opens a lead in the record view, as a click on it in the pane does. */
function OpenLead({ id }: { id: string }) {
  const { openRecord, current } = useRecordNavigation();
  if (!current) queueMicrotask(() => openRecord({ kind: 'lead', id }));
  return null;
}
