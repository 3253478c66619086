import type { Activity } from '@rapport/shared';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Activity plans end to end in Chromium at 320 px: the demo manager opens a customer from an e-mail, applies the demo's
// "New customer onboarding" plan from the record's "Apply a plan" and reads whom the activities were planned for; a
// rep's weekly calls target in My numbers' Week. Nothing runs off sideways; axe finds nothing serious.

jest.setTimeout(180_000);

const MANAGER = 'morgan.blake@rapport-demo.com';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

describe('activity plans in Chromium', () => {
  it("a manager applies the onboarding plan to a customer from the pane, for the customer's owner", async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id, width: 320, as: MANAGER });
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    await card.getByRole('button', { name: email.from!.name }).first().click();
    const section = pane.getByRole('region', { name: 'Apply a plan' });
    await section.getByRole('button', { name: 'Apply a plan' }).click();
    const form = pane.getByRole('form', { name: 'Apply New customer onboarding' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Apply' }).click();
    const said = await form.getByText(/^3 activities planned for .+\.$/).textContent();
    await section.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'activity-plan-applied', 320))).toEqual([]);
    await screenshot(page, 'activity-plan-applied');

    // The store holds three planned activities on the contact, for the person the pane named.
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
    const owner = (await site.app.store.get('member', DEMO_TENANT_ID, contact.ownerId))!;
    expect(said).toBe(`3 activities planned for ${owner.displayName}.`);
    const planned = ((await site.app.store.list('activity', DEMO_TENANT_ID, { limit: 100, linkedTo: { kind: 'contact', id: contactId! } })).items as Activity[]).filter((activity) => activity.id.startsWith('plan-'));
    expect(planned.map((activity) => [activity.subject, activity.status, activity.ownerId]).sort()).toEqual([
      ['Check-in after 30 days', 'planned', contact.ownerId],
      ['Kick-off meeting', 'planned', contact.ownerId],
      ['Welcome call', 'planned', contact.ownerId],
    ]);
  });

  it("lists the manager's plans on the dashboard's Team tab and applies one to a team, or says why it cannot", async () => {
    const dashboard = await site.browser.newPage({ viewport: { width: 1000, height: 1000 }, timezoneId: 'UTC' });
    const errors: string[] = [];
    dashboard.on('pageerror', (error) => errors.push(error.message));
    await dashboard.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=team&lang=en-US`);
    const plans = dashboard.getByRole('list', { name: 'Activity plans' });
    await plans.getByText('Day 5: Meeting · Kick-off meeting').waitFor();
    const apply = dashboard.getByRole('form', { name: 'Apply New customer onboarding' });
    await apply.getByLabel('Records').selectOption('companies');
    await apply.getByRole('button', { name: 'Apply' }).click();
    // The West team's companies: planned for their owners, or more than one apply takes, said in words.
    await apply.getByText(/^\d+ activities planned for .+\.$|^That is more than one plan takes at once/).waitFor();
    await apply.scrollIntoViewIfNeeded();
    await screenshot(dashboard, 'activity-plans-dashboard');
    expect(errors).toEqual([]);
  });

  it("shows the rep's weekly calls target in My numbers' Week at 320 px", async () => {
    const { page, pane } = await openDemo(site, { width: 320 });
    await pane.getByRole('tab', { name: 'My day', exact: true }).click();
    await pane.getByRole('tab', { name: 'Week', exact: true }).click();
    const goal = pane.getByRole('list', { name: 'My numbers' }).getByRole('listitem').filter({ hasText: 'Calls done' });
    await goal.getByText(/^\d+ of 20$/).waitFor();
    await goal.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'weekly-target-my-day', 320))).toEqual([]);
    await screenshot(page, 'weekly-target-my-day');
  });
});
