import { apiContract, apiOf, crudKinds, kinds, type ApiDefinition, type CrudKind, type Role } from '@rapport/shared';
import { RouteRequests } from './route-requests';
import { createTestApp, TENANT_A, type TestApp } from './test-app';

// Who may do what: written out by hand for the routes of their own, and taken from the kinds' definitions for the
// records' routes (who writes the kind, its actions' roles), not from the routes, so that a change to either shows.
// Every route of the contract is here; records are someone else's, so a rep's own-record rights are in members.test.ts.
const everyone: Role[] = ['rep', 'manager', 'admin'];
const managers: Role[] = ['manager', 'admin'];
const admins: Role[] = ['admin'];
const isPrivate = (kind: CrudKind) => (kinds[kind] as { readableBy?: 'owner' }).readableBy === 'owner';

const expected: Record<string, Role[]> = {
  health: everyone,
  openapi: everyone,
  lookup: everyone,
  // Outlook's send-time checks ask it for every member's message.
  'send-check': everyone,
  'follow-thread': everyone,
  search: everyone,
  'my-day': everyone,
  'list-appointments': everyone,
  'list-appointments (team)': managers,
  'get-pipeline': everyone,
  'update-pipeline': admins,
  'pipeline-use': admins,
  'get-settings': everyone,
  'update-settings': admins,
  // The colours of goals' pace: the managers who set goals choose them.
  'update-goal-bands': managers,
  'get-me': everyone,
  'list-members': everyone,
  'create-member': admins,
  'update-member': admins,
  'member-history': admins,
  // A member's own never-log list: everyone keeps theirs (never another's: never-log.test.ts).
  'get-my-never-log': everyone,
  'update-my-never-log': everyone,
  // A member's own preferences (time zone, language, the daily plan by e-mail): everyone keeps theirs.
  'get-my-preferences': everyone,
  'update-my-preferences': everyone,
  'detected-preferences': everyone,
  'list-deleted': everyone,
  'company-purchases': everyone,
  // Reports: every member reads them; data quality is the managers' (they keep their teams' records in order).
  report: everyone,
  'report (data quality)': managers,
  // Several at once: every member is answered, each report as alone (a rep's data quality refused within: reports.test.ts).
  reports: everyone,
  // Converting a colleague's lead.
  'convert-lead': managers,
  // Suspected duplicates are everyone's to see; merging them is a manager's.
  'contact-duplicates': everyone,
  'merge-contacts': managers,
  // Bulk imports of lists.
  'import-leads': managers,
  'import-contacts': managers,
  // Documents: every member reads them and adds them to any record; deleting or restoring a colleague's takes a manager.
  'upload-document': everyone,
  'list-documents': everyone,
  'get-document': everyone,
  'document-content': everyone,
  'delete-document': managers,
  'restore-document': managers,
  // Goals are set by managers (the kind's write role); everyone reads their attainment, managers every rep's.
  'goal-attainment': everyone,
  'goal-attainment (team)': managers,
  'set-goals': managers,
  // Expenses: managers decide their team's (an admin everyone's); every member reads a deal's margin.
  'pending-expenses': managers,
  'deal-margin': everyone,
  // Activity plans are written by managers (the kind's write role), and applied by them to their teams' records.
  'apply-activity-plan': managers,
  // Commissions: everyone reads their own statement; managers approve their reps' and see their team's; what a
  // colleague's deal pays is for its owner, their manager and admins (the caller here manages nobody).
  'commission-statement': everyone,
  'list-commission-statements': everyone,
  'approve-commission-statement': managers,
  'team-commission-statements': managers,
  'deal-commission': admins,
  // Public: a website's visitors send it, with the form's key and no token.
  'submit-web-form': everyone,
  // Quotes: sending a colleague's takes a manager (as changing it does); everyone reads a quote's PDF.
  'send-quote': managers,
  'quote-pdf': everyone,
  // Public: the customer opens the quote's page with its key and no token, and answers it there.
  'public-quote-page': everyone,
  'public-quote-pdf': everyone,
  'quote-opened': everyone,
  'accept-quote': everyone,
  'decline-quote': everyone,
  'quote-page-script': everyone,
  // A contract's renewal quote: anyone who reads the contract makes it (a deal and a draft quote of their own).
  'contract-renewal-quote': everyone,
  // Satisfaction: every member reads a customer's surveys; NPS to a company is a manager's to send.
  'list-surveys': everyone,
  'get-survey': everyone,
  'send-nps-survey': managers,
  // Public: the customer opens the survey's page with its key and no token, answers it and opts out there.
  'public-survey-page': everyone,
  'answer-survey': everyone,
  'survey-opt-out': everyone,
  // Knowledge: every member reads the published articles, suggested for an e-mail or searched.
  'suggest-articles': everyone,
  'search-articles': everyone,
  // Turning a case into a draft article is writing one: admins and knowledge editors (none of the callers here).
  'case-draft-article': admins,
  // Public: a customer opens a published public article from the link in a reply, with no token.
  'public-article-page': everyone,
  // The tips board: every member reads a deal's top tips and the board.
  'deal-tips': everyone,
  'tips-board': everyone,
  // Public: anyone opens a campaign's tracked link, with no token.
  'follow-tracked-link': everyone,
  ...Object.fromEntries(
    crudKinds.flatMap((kind) => {
      const { plural, timeline } = kinds[kind];
      const api: ApiDefinition = apiOf(kind);
      // A private kind's record (an expense) is its owner's, their manager's and admins': the colleague who owns these
      // is on no one's team, so of the callers only the admin reads it (the others are told it does not exist).
      const readers = isPrivate(kind) ? admins : everyone;
      // Settings (the product catalog, territories, web forms): everyone reads them, only their role writes them.
      const writeRole = api.write?.role;
      const creators = writeRole === 'admin' ? admins : writeRole === 'manager' ? managers : everyone;
      // Changing, deleting or restoring a colleague's record takes a manager, or the kind's role if higher.
      const writers = writeRole === 'admin' ? admins : managers;
      const actions = Object.entries(api.actions ?? {}).map(([action, definition]) => {
        const role = definition.role ?? writeRole;
        const allowed = role === 'admin' ? admins : role === 'manager' ? managers : everyone;
        return [`${action}-${kind}`, allowed.filter((caller) => readers.includes(caller))];
      });
      const changers = writers.filter((caller) => readers.includes(caller));
      // A kind whose fields are its author's words (a tip): nobody changes a colleague's, managers neither.
      const rewriters = api.authorOnly ? [] : changers;
      return [
        [`list-${plural}`, everyone],
        [`create-${kind}`, creators],
        [`get-${kind}`, readers],
        [`${kind}-history`, readers],
        [`update-${kind}`, rewriters],
        [`delete-${kind}`, changers],
        [`restore-${kind}`, changers],
        ...(timeline ? [[`${kind}-timeline`, readers], [`${kind}-work`, readers]] : []),
        ...actions,
      ];
    }),
  ),
};

// The same, written out by hand for the kinds' routes, so that a change to a kind's definition shows here too.
// Knowledge articles are written by admins and the members an admin makes knowledge editors (articles.test.ts);
// campaigns and their tracked links by admins and campaign managers (campaigns.test.ts, tracked-links.test.ts).
const settingsKinds = ['product', 'territory', 'form', 'article', 'campaign', 'link', 'commissionPlan'];
// Deciding an expense takes a manager of its rep's team: the colleague's expense here is on no one's team, so an admin.
const actionRoles: Record<string, Role[]> = { 'answered-case': everyone, 'upvote-tip': everyone, 'pin-tip': managers, 'share-template': managers, 'approve-expense': admins, 'reject-expense': admins };
const privateRoute = (label: string) => crudKinds.some((kind) => isPrivate(kind) && new RegExp(`(^|-)${kind}(-|$)`).test(label));

const rows = [...apiContract.map((route) => ({ route, variant: undefined as 'team' | 'data-quality' | undefined, label: route.name }))];
const appointments = apiContract.find((route) => route.name === 'list-appointments');
if (appointments) rows.push({ route: appointments, variant: 'team', label: 'list-appointments (team)' });
const reports = apiContract.find((route) => route.name === 'report');
if (reports) rows.push({ route: reports, variant: 'data-quality', label: 'report (data quality)' });
const attainment = apiContract.find((route) => route.name === 'goal-attainment');
if (attainment) rows.push({ route: attainment, variant: 'team', label: 'goal-attainment (team)' });

describe('the role matrix', () => {
  it('agrees with the hand-written list of settings (admins write them) and of actions', () => {
    expect(crudKinds.filter((kind) => (apiOf(kind) as ApiDefinition).write?.role === 'admin')).toEqual(settingsKinds);
    const actions = Object.fromEntries(Object.keys(expected).filter((name) => apiContract.some((route) => route.name === name && /\/\{id\}\/[a-z-]+$/.test(route.path) && route.method === 'POST' && !/restore|convert|merge|apply-activity-plan|send-quote|renewal-quote|draft-article/.test(name))).map((name) => [name, expected[name]]));
    expect(actions).toEqual(actionRoles);
  });

  let t: TestApp;
  let requests: RouteRequests;
  const outcomes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    requests = new RouteRequests(t, await t.token(TENANT_A, 'colleague', ['rep']), await t.token(TENANT_A, 'the-admin', ['admin']));
  });
  afterAll(async () => {
    await t.close();
    const allowed = outcomes.filter((outcome) => outcome === 'allow').length;
    process.stdout.write(`Role matrix: ${rows.length} routes × 3 roles = ${outcomes.length} checks; ${allowed} allowed, ${outcomes.length - allowed} denied, as expected.\n`);
  });

  it('lists every route of the contract', () => {
    expect(Object.keys(expected).sort()).toEqual(rows.map((row) => row.label).sort());
  });

  describe.each(rows.map((row) => [row.label, row] as const))('%s', (_, { route, variant, label }) => {
    it.each(everyone)('as %s', async (role) => {
      // With their sign-in address, as Entra ID gives it: following a thread reads the caller's mailbox.
      const token = await t.token(TENANT_A, `caller-${role}`, [role], undefined, `caller-${role}@victim-a.example`);
      const request = await requests.for(route, variant, token);
      const response = await t.call(route.name, { ...request, token: route.auth === 'user' ? token : null });
      const allowed = expected[label]?.includes(role) ?? false;
      if (allowed) {
        expect({ status: response.status, body: response.status >= 300 ? response.body : undefined }).toEqual({ status: route.success.status, body: undefined });
      } else if (response.status === 404 && privateRoute(label)) {
        // A private record the caller may not read is not found, as one that does not exist.
        expect(response.body.error.code).toBe('RECORD.NOT_FOUND');
      } else {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toMatch(/^(AUTH\.ROLE_REQUIRED|AUTH\.NOT_RECORD_OWNER|APPOINTMENTS\.TEAM_FORBIDDEN|KNOWLEDGE\.EDITOR_REQUIRED|CAMPAIGN\.MANAGER_REQUIRED|TIP\.AUTHOR_ONLY)$/);
      }
      outcomes.push(allowed ? 'allow' : 'deny');
    });
  });
});
