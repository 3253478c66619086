/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import type { ReactNode } from 'react';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Article, Case, LookupResult } from '@rapport/shared';
import { createApiClient } from '../../addin/src/api/client';
import { CaseList } from '../../addin/src/components/CaseList';
import { AnswersSection } from '../../addin/src/components/knowledge/AnswersSection';
import { InsertArticle } from '../../addin/src/components/knowledge/InsertArticle';
import { RecordView } from '../../addin/src/components/record-view/RecordView';
import { MeProvider, useMe } from '../../addin/src/hooks/useMe';
import type { ComposeContent } from '../../addin/src/office/compose-item';
import type { MailItem } from '../../addin/src/office/mail-item';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
import type { LocalApp } from '../../functions/src/local/local-mode';
import type { RunningServer } from '../../functions/src/server';
// Parts the views load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/knowledge/ArticleView';
import '../../addin/src/components/knowledge/ArticleEditor';
import '../../addin/src/components/knowledge/DraftFromCase';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { renderInPane } from './pane-harness';

// Writing the knowledge base in the pane, over the real API and store (the standalone host on a random port): a
// knowledge editor writes a new article from Answers, previews it, publishes it public and finds it suggested; edits
// one at the version read, told who changed it first; adds a translation; turns a closed case into a draft; and Insert
// article puts a public article's link into a reply. Members without the capability see none of the editing controls.

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

const ADMIN = 'sam-admin';
const REP = 'avery-rep';
const EDITOR = 'kim-editor';
type Role = 'admin' | 'rep';
const names: Record<string, string> = { [ADMIN]: 'Sam Ortiz', [REP]: 'Avery Quinn', [EDITOR]: 'Kim Editor' };

describe('the knowledge base written in the pane, over the API', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;
  let keys = 0;

  const roleOf = (userId: string): Role => (userId === ADMIN ? 'admin' : 'rep');
  const tokenOf = (userId: string) => app.issuer.issue({ tenantId: tenant, userId, roles: [roleOf(userId)], name: names[userId]! });
  const call = async <T,>(userId: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(userId)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...(method === 'POST' ? { 'idempotency-key': `k-${tenant}-${++keys}` } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const newArticle = (fields: object = {}) =>
    call<Article>(ADMIN, 'POST', '/api/articles', { title: 'The printer prints blank pages', body: 'Seat the **toner** cartridge.', language: 'en', status: 'published', ...fields });

  /** The pane's record view over whatever is rendered: an opened record shows instead, as in the task pane. */
  function Pane({ children }: { children: ReactNode }) {
    const { current } = useRecordNavigation();
    // Who the pane knows is signed in: what it may offer is decided once this is known.
    const me = useMe();
    return (
      <>
        <output aria-label="signed in">{me?.userId ?? ''}</output>
        {current ? <RecordView key={`${current.kind}:${current.id}`} record={current} /> : children}
      </>
    );
  }
  const signedIn = (userId: string) => waitFor(() => expect(screen.getByRole('status', { name: 'signed in' }).textContent).toBe(userId));
  const render = (ui: ReactNode, userId: string, language?: string) => {
    const client = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(userId), fetch });
    return renderInPane(
      <MeProvider>
        <RecordNavigationProvider>
          <Pane>{ui}</Pane>
        </RecordNavigationProvider>
      </MeProvider>,
      { api: client, ...(language ? { language } : {}) },
    );
  };
  const answers = () => <AnswersSection about="case" request={{ itemKey: `case:none-${tenant}`, subject: 'Nothing matches this', limit: 3 }} />;
  const button = (name: string | RegExp) => screen.findByRole('button', { name });

  beforeAll(async () => {
    api = await startInProcessApi('knowledge-editor');
    ({ app, server } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-kb-${++tenants}`;
    for (const userId of [ADMIN, REP, EDITOR]) await call(userId, 'GET', '/api/me');
    const members = await call<{ items: { id: string; version: number }[] }>(ADMIN, 'GET', '/api/members?limit=100');
    const kim = members.items.find((member) => member.id === EDITOR)!;
    await call(ADMIN, 'PATCH', `/api/members/${EDITOR}`, { capabilities: ['knowledgeEditor'] }, { 'if-match': `"${kim.version}"` });
  });

  it('shows a member without the capability no edit controls: no New article, no Drafts, no Edit, no translation', async () => {
    const article = await newArticle();
    const view = render(answers(), REP);
    await screen.findByText('No article matches this case. Search the knowledge base:');
    await signedIn(REP);
    expect(screen.queryByRole('button', { name: 'New article' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Drafts' })).toBeNull();
    view.unmount();

    render(<OpenOnMount id={article.id} />, REP);
    await screen.findByRole('heading', { name: 'The printer prints blank pages' });
    await screen.findByText('toner');
    await signedIn(REP);
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a translation' })).toBeNull();
  });

  it('lets a knowledge editor write a new article from Answers: checked first, previewed as readers see it, saved public and published, then suggested', async () => {
    const product = await call<{ id: string }>(ADMIN, 'POST', '/api/products', { name: 'Laser 400', unitPrice: 300, currency: 'EUR' });
    await call(ADMIN, 'POST', '/api/products', { name: 'Laser 400', unitPrice: 320, currency: 'USD' });
    render(answers(), EDITOR);
    fireEvent.click(await button('New article'));
    const form = await screen.findByRole('form', { name: 'New knowledge article' });
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'New knowledge article' }));
    // Nothing is sent without a title.
    fireEvent.click(within(form).getByRole('button', { name: 'Save article' }));
    expect(await within(form).findByText('Enter a title: the question it answers, as a customer would ask it.')).toBeTruthy();

    fireEvent.change(within(form).getByRole('textbox', { name: /Title/ }), { target: { value: 'Paper jams in the rear tray' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Text \(Markdown\)/ }), { target: { value: 'Open the **rear door**.\n\n<script>alert(1)</script>\n\n[Help](javascript:alert(2))' } });
    fireEvent.click(within(form).getByRole('tab', { name: 'Preview' }));
    const preview = within(form).getByRole('tabpanel', { name: 'Preview' });
    expect(within(preview).getByText('rear door').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.textContent).toContain('<script>alert(1)</script>');
    expect(preview.querySelector('a')).toBeNull();
    fireEvent.click(within(form).getByRole('tab', { name: 'Write' }));
    // One tick per product name: both currencies' products.
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Laser 400' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /Tags/ }), { target: { value: 'jam, paper , ' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Status' }), { target: { value: 'published' } });
    fireEvent.click(within(form).getByRole('switch', { name: /Public page/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save article' }));

    // Saved: the article's view, as readers see it.
    const heading = await screen.findByRole('heading', { name: 'Paper jams in the rear tray', level: 1 });
    const view = heading.closest('article')!;
    expect(within(view).getByText('Published')).toBeTruthy();
    expect(within(view).getByText('Public page')).toBeTruthy();
    const stored = (await call<{ items: Article[] }>(ADMIN, 'GET', '/api/articles?limit=10')).items[0]!;
    expect(stored).toMatchObject({ title: 'Paper jams in the rear tray', tags: ['jam', 'paper'], status: 'published', visibility: 'public', language: 'en', ownerId: EDITOR });
    expect(stored.productIds).toHaveLength(2);
    expect(stored.productIds).toContain(product.id);
    const suggested = await call<{ suggestions: { article: { id: string } }[] }>(REP, 'POST', '/api/knowledge/suggestions', { subject: 'Paper jam in the rear tray' });
    expect(suggested.suggestions.map((found) => found.article.id)).toEqual([stored.id]);
    // Its public page opens.
    const page = await fetch(`${server.url}/api/public/articles/${stored.publicKey}`);
    expect(page.status).toBe(200);
  });

  it("saves an edit at the version read; when a colleague changed it first says who and what, keeps what was typed and applies it on request; the changes list who changed what", async () => {
    const article = await newArticle();
    render(<OpenOnMount id={article.id} />, EDITOR);
    fireEvent.click(await button('Edit'));
    const form = await screen.findByRole('form', { name: 'Edit the article' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Title/ }), { target: { value: 'Blank pages from the printer' } });
    // Sam changes the text meanwhile.
    await call(ADMIN, 'PATCH', `/api/articles/${article.id}`, { body: 'Seat the toner cartridge, then print a test page.' }, { 'if-match': `"${article.version}"` });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const refusal = await within(form).findByText(/Sam Ortiz changed Text \(Markdown\)/);
    expect(refusal.textContent).not.toContain('Title');
    expect((within(form).getByRole('textbox', { name: /Title/ }) as HTMLInputElement).value).toBe('Blank pages from the printer');
    fireEvent.click(within(form).getByRole('button', { name: 'Apply mine again' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const saved = await call<Article>(ADMIN, 'GET', `/api/articles/${article.id}`);
    expect(saved).toMatchObject({ version: 3, title: 'Blank pages from the printer', body: 'Seat the toner cartridge, then print a test page.' });

    fireEvent.click(screen.getByRole('button', { name: 'Changes' }));
    const changes = await screen.findByRole('list', { name: 'Changes' });
    await waitFor(() => expect(changes.textContent).toContain('Kim Editor changed it'));
    expect(changes.textContent).toContain('Title: The printer prints blank pages → Blank pages from the printer');
    expect(changes.textContent).toContain('Sam Ortiz changed it');
  });

  it('adds a translation in a language its group lacks, from the text of the article, and opens it', async () => {
    const article = await newArticle();
    await newArticle({ title: 'La impresora imprime páginas en blanco', language: 'es', translationOf: article.id });
    render(<OpenOnMount id={article.id} />, EDITOR, 'pt-BR');
    const translate = await button('Adicionar uma tradução');
    // Offered once the group's languages are known.
    await waitFor(() => expect(translate.hasAttribute('disabled')).toBe(false));
    fireEvent.click(translate);
    const form = await screen.findByRole('form', { name: 'Tradução de “The printer prints blank pages”' });
    const language = within(form).getByRole('combobox', { name: 'Idioma' }) as HTMLSelectElement;
    // English is the article's, Spanish taken: Portuguese and Italian are left.
    expect([...language.options].map((option) => option.value)).toEqual(['pt', 'it']);
    expect((within(form).getByRole('textbox', { name: /Texto \(Markdown\)/ }) as HTMLTextAreaElement).value).toBe('Seat the **toner** cartridge.');
    fireEvent.change(within(form).getByRole('textbox', { name: /Título/ }), { target: { value: 'A impressora imprime páginas em branco' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Texto \(Markdown\)/ }), { target: { value: 'Encaixe o cartucho de **toner**.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Salvar artigo' }));
    await screen.findByRole('heading', { name: 'A impressora imprime páginas em branco', level: 1 });
    const group = await call<{ items: Article[] }>(REP, 'GET', `/api/articles?translationGroup=${article.id}`);
    expect(group.items.map((item) => [item.language, item.status, item.translationOf])).toEqual(
      expect.arrayContaining([
        ['pt', 'draft', article.id],
        ['es', 'published', article.id],
      ]),
    );
  });

  it("offers a knowledge editor who closes a case to turn it into a draft article, and lands in its editor; a rep is not offered it", async () => {
    const answer = await newArticle();
    const company = await call<{ id: string }>(EDITOR, 'POST', '/api/companies', { name: 'Fabrikam' });
    const contact = await call<{ id: string }>(EDITOR, 'POST', '/api/contacts', { lastName: 'Silva', companyId: company.id, language: 'es' });
    const open = await call<Case>(EDITOR, 'POST', '/api/cases', { subject: 'Re: Blank pages', description: 'Every page comes out blank.', contactId: contact.id, companyId: company.id, status: 'assigned' });
    await call(EDITOR, 'POST', `/api/cases/${open.id}/answered`, { articleId: answer.id });
    const serviceCase = await call<Case>(EDITOR, 'GET', `/api/cases/${open.id}`);

    // A rep closes their own case: it ends, and nothing more is offered.
    const repsCase = await call<Case>(REP, 'POST', '/api/cases', { subject: 'Password reset', status: 'assigned' });
    const asRep = render(<CaseList cases={[repsCase]} />, REP);
    await signedIn(REP);
    fireEvent.change(await screen.findByLabelText(`Status of Case #${repsCase.number}`), { target: { value: 'closed' } });
    await screen.findByText(`Case #${repsCase.number}: Closed.`);
    expect(screen.queryByRole('button', { name: 'Turn into a draft article' })).toBeNull();
    expect(screen.queryByText(/draft article/)).toBeNull();
    asRep.unmount();

    render(<CaseList cases={[serviceCase]} />, EDITOR);
    fireEvent.change(await screen.findByLabelText(`Status of Case #${serviceCase.number}`), { target: { value: 'closed' } });
    const offer = await screen.findByRole('region', { name: `Case #${serviceCase.number} is closed. Turn it into a draft article for the next customer who asks?` });
    expect(await within(offer).findByText('Leave it empty to take the text of “The printer prints blank pages”, the article it was answered with.')).toBeTruthy();
    fireEvent.click(within(offer).getByRole('button', { name: 'Turn into a draft article' }));
    const form = await screen.findByRole('form', { name: 'Edit the article' });
    expect((within(form).getByRole('textbox', { name: /Title/ }) as HTMLInputElement).value).toBe('Blank pages');
    expect((within(form).getByRole('textbox', { name: /Text \(Markdown\)/ }) as HTMLTextAreaElement).value).toBe('## Pregunta\n\nEvery page comes out blank.\n\n## Respuesta\n\nSeat the **toner** cartridge.');
    expect((within(form).getByRole('combobox', { name: 'Language' }) as HTMLSelectElement).value).toBe('es');
    expect((within(form).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('draft');
    const drafts = (await call<{ items: Article[] }>(EDITOR, 'GET', '/api/articles?limit=10')).items.filter((item) => item.status === 'draft');
    expect(drafts).toHaveLength(1);
  });

  it("inserts a public article as a link to its page with its title, or its text when the rep chooses; an internal one as its text", async () => {
    const internal = await newArticle({ title: 'Blank pages after a toner change', body: 'Shake the new **toner** cartridge.' });
    const open = await newArticle({ visibility: 'public' });
    const inserted: ComposeContent[] = [];
    const done = jest.fn();
    const item: MailItem = { mode: 'message-compose', key: `draft-${tenant}`, subject: 'Re: Blank pages', participants: [], internetMessageId: null, eventId: null, start: null, end: null, sentAt: null };
    render(<InsertArticle item={item} customer={undefined as LookupResult | undefined} insert={async (content) => void inserted.push(content)} onDone={done} />, REP);
    fireEvent.click(await screen.findByRole('radio', { name: /The printer prints blank pages/ }));
    const as = await screen.findByRole('radiogroup', { name: 'What to insert' });
    expect((within(as).getByRole('radio', { name: 'A link to its public page, with its title' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('The link to the article is in your message.'));
    const url = `${server.url}/api/public/articles/${open.publicKey}`;
    expect(inserted[0]).toEqual({ html: `<p><a href="${url}">The printer prints blank pages</a></p>`, text: `The printer prints blank pages\n${url}` });

    fireEvent.click(within(as).getByRole('radio', { name: 'Its text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(inserted).toHaveLength(2));
    expect(inserted[1]!.html).toContain('<strong>toner</strong>');
    // An internal article has no page: its text goes in, and no choice is offered.
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(internal.title) }));
    await waitFor(() => expect(screen.queryByRole('radiogroup', { name: 'What to insert' })).toBeNull());
  });
});

/** Opens an article in the pane's record view as soon as it renders. */
function OpenOnMount({ id }: { id: string }) {
  const { openRecord, current } = useRecordNavigation();
  if (!current) queueMicrotask(() => openRecord({ kind: 'article', id }));
  return null;
}
