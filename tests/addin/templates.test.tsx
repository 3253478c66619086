/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Template } from '@rapport/shared';
import { LazyInsertTemplate } from '../../addin/src/components/templates/LazyInsertTemplate';
import type { InsertTemplateProps } from '../../addin/src/components/templates/InsertTemplate.types';
// The picker and its form load on first use: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/templates/InsertTemplate';
import '../../addin/src/components/templates/TemplateForm';
import { answer, fail, fakeApi, renderInPane, type FakeRoute, type SentRequest } from './pane-harness';

// The e-mail templates' picker: the team's and the rep's own templates, a preview filled for the recipient, inserting
// it in the message, and writing, changing, deleting and sharing templates.

const stamp = { tenantId: 't', createdAt: '2026-11-01T00:00:00Z', createdBy: 'me', updatedAt: '2026-11-01T00:00:00Z', updatedBy: 'me', version: 3 };
const template = (id: string, name: string, ownerId: string, shared: boolean, variants: Template['variants']): Template => ({ ...stamp, id, name, ownerId, shared, variants });
const meeting = template('t-meeting', 'Propose a meeting', 'the-manager', true, [
  { language: 'en', subject: 'Time for a meeting?', body: 'Hi {{firstName|there}},\nthese times are free:\n{{freeTimes}}\n{{me}}' },
  { language: 'es', subject: '¿Nos reunimos?', body: 'Hola {{firstName}}:\ntengo libres estos horarios:\n{{freeTimes}}' },
]);
const thanks = template('t-thanks', 'Thank you for your order', 'the-manager', true, [{ language: 'en', subject: 'Thanks, {{company}}', body: 'Thank you, {{company}}.\n{{me}}' }]);
const checkIn = template('t-check-in', 'Quick check-in', 'me', false, [{ language: 'en', body: 'Hi {{firstName}}, how is {{deal}} going?' }]);
const colleagues = template('t-colleague', "A colleague's own", 'someone-else', false, [{ language: 'en', body: 'Not for you' }]);

const me = (role: 'rep' | 'manager') => ({
  tenantId: 't',
  userId: 'me',
  name: 'Avery Quinn',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: false, importLists: role !== 'rep' },
});
const ana = { firstName: 'Ana', lastName: 'Costa', fullName: 'Ana Costa', company: 'Fabrikam' };

function show(options: { templates?: Template[]; role?: 'rep' | 'manager'; routes?: Record<string, FakeRoute>; props?: Partial<InsertTemplateProps>; language?: string } = {}) {
  const templates = options.templates ?? [checkIn, meeting, thanks, colleagues];
  const byId = (request: SentRequest) => templates.find((candidate) => candidate.id === request.params.id);
  const fake = fakeApi({
    'GET /api/me': () => me(options.role ?? 'rep'),
    'GET /api/templates': () => ({ items: templates, nextCursor: null }),
    'GET /api/templates/{id}': (request) => byId(request),
    ...options.routes,
  });
  const insert = jest.fn<Promise<void>, [unknown]>(async () => undefined);
  // The times are words too: asked in the variant's language.
  const freeTimes = jest.fn(async (language: string) => (language === 'es' ? 'mar 1 dic, 10:00–10:30\nmié 2 dic, 14:00–14:30' : 'Tue 1 Dec, 10:00–10:30\nWed 2 Dec, 14:00–14:30'));
  const props: InsertTemplateProps = { values: ana, freeTimes, insert, language: 'en', ...options.props };
  renderInPane(<LazyInsertTemplate {...props} />, { api: fake.api, ...(options.language ? { language: options.language } : {}) });
  return { ...fake, insert: props.insert as jest.Mock, freeTimes: props.freeTimes as jest.Mock };
}
const button = (text: string | RegExp) => screen.getByText(text).closest('button') as HTMLButtonElement;
const choose = async (name: string) => fireEvent.click((await screen.findByText(name)).closest('button') as HTMLElement);
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const preview = () => screen.getByLabelText('Preview for this recipient');
// The preview's text as written, its line breaks and spaces kept (text queries collapse them).
const previewText = () => preview().lastElementChild?.textContent;

describe('choosing an e-mail template', () => {
  it("lists the team's templates and the rep's own, never a colleague's own, and says so when there are none", async () => {
    show();
    const team = await screen.findByLabelText('Team templates');
    expect(within(team).getByText('Propose a meeting')).toBeTruthy();
    expect(within(team).getByText('Thank you for your order')).toBeTruthy();
    expect(within(team).getByText('English · Spanish')).toBeTruthy();
    expect(within(screen.getByLabelText('My templates')).getByText('Quick check-in')).toBeTruthy();
    expect(screen.queryByText("A colleague's own")).toBeNull();
    // Not many: no filter box.
    expect(screen.queryByLabelText('Filter templates')).toBeNull();
    document.body.innerHTML = '';
    show({ templates: [colleagues] });
    expect(await screen.findByText(/^No templates yet — create one/)).toBeTruthy();
    expect(button('New template')).toBeTruthy();
  });

  it('filters many templates by name or words in them', async () => {
    const many = Array.from({ length: 7 }, (_, n) => template(`t${n}`, `Template ${n}`, 'me', false, [{ language: 'en', body: n === 4 ? 'About the renewal' : 'Hello' }]));
    show({ templates: many });
    await screen.findByLabelText('Filter templates');
    type('Filter templates', 'RENEWAL');
    await waitFor(() => expect(screen.queryByText('Template 1')).toBeNull());
    expect(screen.getByText('Template 4')).toBeTruthy();
    type('Filter templates', 'nothing like it');
    expect(await screen.findByText('No template matches “nothing like it”.')).toBeTruthy();
  });

  it('previews a template filled for the recipient, and says plainly which field stays empty', async () => {
    const { freeTimes } = show();
    await choose('Quick check-in');
    expect(await screen.findByText('No deal for this recipient: {{deal}} stays empty.')).toBeTruthy();
    expect(previewText()).toBe('Hi Ana, how is  going?');
    // This one names no free times: the calendar is not asked.
    expect(freeTimes).not.toHaveBeenCalled();
  });

  it('asks for free times only for a template that uses them, shows them, and offers the variant of another language', async () => {
    const { freeTimes, insert } = show();
    await choose('Propose a meeting');
    await waitFor(() => expect(previewText()).toBe('Hi Ana,\nthese times are free:\nTue 1 Dec, 10:00–10:30\nWed 2 Dec, 14:00–14:30\nAvery Quinn'));
    expect(freeTimes.mock.calls).toEqual([['en']]);
    expect(within(preview()).getByText('Subject: Time for a meeting?')).toBeTruthy();
    type('Language', 'es');
    expect(await within(preview()).findByText('Subject: ¿Nos reunimos?')).toBeTruthy();
    await waitFor(() => expect(previewText()).toContain('mar 1 dic'));
    expect(freeTimes.mock.calls).toEqual([['en'], ['es']]);
    fireEvent.click(button('Insert'));
    await screen.findByText('Inserted in your message.');
    expect(insert).toHaveBeenCalledWith({
      subject: '¿Nos reunimos?',
      text: 'Hola Ana:\ntengo libres estos horarios:\nmar 1 dic, 10:00–10:30\nmié 2 dic, 14:00–14:30',
      html: 'Hola Ana:<br>tengo libres estos horarios:<br>mar 1 dic, 10:00–10:30<br>mié 2 dic, 14:00–14:30',
    });
  });

  it('says when the free times cannot be read, and reads them again on Retry', async () => {
    const freeTimes = jest.fn().mockRejectedValueOnce(new Error('Graph is down')).mockResolvedValueOnce('Thu 3 Dec, 09:00');
    show({ props: { freeTimes } });
    await choose('Propose a meeting');
    expect(await screen.findByText('Your free times could not be read from your calendar.')).toBeTruthy();
    expect(screen.getByText('Try again, or insert the template without them: {{freeTimes}} stays empty.')).toBeTruthy();
    expect(previewText()).toBe('Hi Ana,\nthese times are free:\n\nAvery Quinn');
    fireEvent.click(button('Try again'));
    await waitFor(() => expect(previewText()).toContain('Thu 3 Dec, 09:00'));
    expect(screen.queryByText('Your free times could not be read from your calendar.')).toBeNull();
  });

  it('inserts the values HTML-escaped, so a company named <script> arrives as text', async () => {
    const { insert } = show({ props: { values: { ...ana, company: '<script>alert(1)</script>', me: 'Avery' } } });
    await choose('Thank you for your order');
    fireEvent.click(await screen.findByText('Insert'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    expect(insert).toHaveBeenCalledWith({
      subject: 'Thanks, <script>alert(1)</script>',
      text: 'Thank you, <script>alert(1)</script>.\nAvery',
      html: 'Thank you, &lt;script&gt;alert(1)&lt;/script&gt;.<br>Avery',
    });
    // The preview shows the name as text, not as an element.
    expect(document.querySelector('script')).toBeNull();
  });

  it("says in the rep's language when Outlook could not insert, with what to do, and tries again", async () => {
    const insert = jest.fn().mockRejectedValueOnce(new Error('setSelectedDataAsync failed')).mockResolvedValueOnce(undefined);
    show({ props: { insert, language: 'es' }, language: 'es-ES' });
    await choose('Thank you for your order');
    fireEvent.click(await screen.findByText('Insertar'));
    expect(await screen.findByText('Outlook no pudo insertar la plantilla.')).toBeTruthy();
    expect(screen.getByText(/^Haz clic en el mensaje donde debe ir/)).toBeTruthy();
    fireEvent.click(button('Reintentar'));
    expect(await screen.findByText('Insertada en tu mensaje.')).toBeTruthy();
    expect(insert).toHaveBeenCalledTimes(2);
  });
});

describe('writing templates', () => {
  it('creates a template, a field put at the cursor by its button, and opens it', async () => {
    const created = template('t-new', 'After the demo', 'me', false, [{ language: 'en', subject: 'The demo', body: 'Hi {{firstName}}, thanks!' }]);
    const { sentTo } = show({ routes: { 'POST /api/templates': () => answer(201, created) } });
    fireEvent.click(await screen.findByText('New template'));
    await screen.findByLabelText(/^Name/);
    type(/^Name/, 'After the demo');
    type('Subject (optional)', 'The demo');
    const body = (await screen.findByLabelText(/^Text/)) as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: 'Hi , thanks!' } });
    body.setSelectionRange(3, 3);
    fireEvent.focus(body);
    fireEvent.click(button('First name'));
    expect(body.value).toBe('Hi {{firstName}}, thanks!');
    fireEvent.click(button('Create template'));
    await waitFor(() => expect(sentTo('POST /api/templates')).toHaveLength(1));
    expect(sentTo('POST /api/templates')[0]?.body).toEqual({ name: 'After the demo', variants: [{ language: 'en', subject: 'The demo', body: 'Hi {{firstName}}, thanks!' }] });
    // The new template opens, ready to insert.
    expect(await screen.findByText('Your template')).toBeTruthy();
  });

  it('refuses an unknown or unclosed placeholder at the field before sending anything', async () => {
    const { sentTo } = show();
    fireEvent.click(await screen.findByText('New template'));
    await screen.findByLabelText(/^Name/);
    type(/^Name/, 'Broken');
    type(/^Text/, 'Dear {{nickname}}');
    fireEvent.click(button('Create template'));
    expect(await screen.findByText('{{nickname}} is not a field templates can fill. Use the field buttons below.')).toBeTruthy();
    type(/^Text/, 'Dear {{firstName');
    expect(await screen.findByText(/^“\{\{firstName” is not a complete placeholder\./)).toBeTruthy();
    expect(sentTo('POST /api/templates')).toEqual([]);
  });

  it("shows the API's refusal in Spanish at the field it names", async () => {
    show({ language: 'es-ES', props: { language: 'es' }, routes: { 'POST /api/templates': () => fail(400, 'TEMPLATE.UNKNOWN_FIELD', { fields: [{ path: 'variants.0.body', code: 'TEMPLATE.UNKNOWN_FIELD', message: 'x' }] }) } });
    fireEvent.click(await screen.findByText('Nueva plantilla'));
    await screen.findByLabelText(/^Nombre/);
    type(/^Nombre/, 'Seguimiento');
    type(/^Texto/, 'Hola {{firstName}}');
    fireEvent.click(button('Crear plantilla'));
    expect(await screen.findByText('Un marcador nombra un campo que las plantillas no pueden rellenar. Usa los botones de campos.')).toBeTruthy();
  });

  it('edits its own template at the version read, sending only what changed', async () => {
    const { sentTo } = show({ routes: { 'PATCH /api/templates/{id}': (request) => ({ ...checkIn, ...(request.body as object), version: 4 }) } });
    await choose('Quick check-in');
    fireEvent.click(await screen.findByText('Edit'));
    await screen.findByLabelText(/^Name/);
    type(/^Name/, 'Check-in');
    fireEvent.click(button('Save template'));
    await waitFor(() => expect(sentTo('PATCH /api/templates/{id}')).toHaveLength(1));
    expect(sentTo('PATCH /api/templates/{id}')[0]).toMatchObject({ params: { id: 't-check-in' }, body: { name: 'Check-in' }, headers: { 'if-match': '"3"' } });
    expect(await screen.findByText('Check-in', { selector: 'h2' })).toBeTruthy();
  });

  it('deletes its own template after asking, and brings it back with Undo', async () => {
    const { sentTo } = show({ routes: { 'DELETE /api/templates/{id}': () => answer(204), 'POST /api/templates/{id}/restore': () => ({ ...checkIn, version: 5 }) } });
    await choose('Quick check-in');
    fireEvent.click(await screen.findByText('Delete'));
    fireEvent.click(button('Yes, delete'));
    expect(await screen.findByText('“Quick check-in” deleted.')).toBeTruthy();
    expect(sentTo('DELETE /api/templates/{id}')[0]?.headers['if-match']).toBe('"3"');
    fireEvent.click(button('Undo'));
    await waitFor(() => expect(sentTo('POST /api/templates/{id}/restore')).toHaveLength(1));
    expect(sentTo('POST /api/templates/{id}/restore')[0]?.headers['if-match']).toBe('"4"');
  });

  it("offers sharing to managers only, and a rep no edit of the team's template", async () => {
    show({ role: 'rep' });
    await choose('Thank you for your order');
    await screen.findByText('Insert');
    expect(screen.queryByText('Stop sharing')).toBeNull();
    expect(screen.queryByText('Edit')).toBeNull();
    document.body.innerHTML = '';
    const { sentTo } = show({ role: 'manager', routes: { 'POST /api/templates/{id}/share': (request) => ({ ...checkIn, ...(request.body as object), version: 4 }) } });
    await choose('Quick check-in');
    fireEvent.click(await screen.findByText('Share with the team'));
    expect(await screen.findByText('Shared: everyone on the team can insert “Quick check-in” now.')).toBeTruthy();
    expect(sentTo('POST /api/templates/{id}/share')[0]).toMatchObject({ params: { id: 't-check-in' }, body: { shared: true } });
    expect(await screen.findByText('Stop sharing')).toBeTruthy();
    expect(screen.getByText('Your template, shared with the team')).toBeTruthy();
  });
});
