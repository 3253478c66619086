import type { Deal, Tip } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { SCREENSHOTS, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// The tips board end to end in Chromium: the demo user posts a tip for the Proposal stage on the dashboard's Tips board,
// opens the inbox customer's e-mail in a 320 px pane, opens their open deal (at Proposal), and finds the tip among the
// team's tips for this stage, where they upvote another.

jest.setTimeout(180_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

const TEXT = 'At proposal, put the seat plan before the price: see https://example.com/seat-plan.';

describe('the tips board in Chromium', () => {
  it('a rep posts a tip on a stage on the board, and sees it in the pane on a deal in that stage', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    // The customer's open deal the e-mail is about, at Proposal (another of theirs has its name, at Prospecting).
    const contacts = await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email]);
    const contactId = [...contacts.values()].flat()[0]!;
    const deals = (await site.app.store.list('deal', DEMO_TENANT_ID, { linkedTo: { kind: 'contact', id: contactId }, limit: 50 })).items as Deal[];
    const deal = deals.find((candidate) => candidate.status === 'open' && candidate.stage === 'proposal' && candidate.name === email.subject.replace(/^Re: /, ''))!;
    expect(deal.stage).toBe('proposal');

    // The board: the demo's tips, the pinned one first; a new one for the Proposal stage.
    const dashboard = await site.browser.newPage({ viewport: { width: 1280, height: 1000 }, timezoneId: 'UTC' });
    await dashboard.goto(`${site.server.url}/dashboard?as=${DEMO_USER_EMAIL}&tab=tips&lang=en-US`);
    const board = dashboard.getByRole('list', { name: 'Tips' });
    await board.getByRole('listitem').first().waitFor({ timeout: 60_000 });
    await board.getByRole('listitem').first().getByText('Pinned').waitFor();
    await dashboard.getByRole('button', { name: 'Post a tip' }).click();
    const form = dashboard.getByRole('form', { name: 'New tip' });
    await form.getByRole('textbox', { name: /^Tip/ }).fill(TEXT);
    await form.getByRole('checkbox', { name: 'Proposal' }).check();
    await form.getByRole('textbox', { name: /^Objections it answers/ }).fill('Too expensive');
    await screenshot(dashboard, 'tips-board-post');
    await form.getByRole('button', { name: 'Post' }).click();
    await dashboard.getByText('Tip posted: your team sees it on deals it is tagged for.').waitFor();
    const posted = board.getByRole('listitem').filter({ hasText: 'put the seat plan before the price' });
    await posted.getByText('Stages: Proposal').waitFor();
    await screenshot(dashboard, 'tips-board', { fullPage: true });
    const stored = ((await site.app.store.list('tip', DEMO_TENANT_ID, { limit: 100 })).items as Tip[]).find((tip) => tip.text === TEXT);
    expect(stored).toMatchObject({ stages: ['proposal'], objections: ['Too expensive'], ownerId: DEMO_USER_ID });
    // The board at a phone's width: filters and tips stack, nothing runs off sideways.
    await dashboard.setViewportSize({ width: 390, height: 900 });
    expect(await dashboard.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(dashboard, 'tips-board-390', { fullPage: true });
    await dashboard.close();

    // The pane, on the customer's e-mail: their open deal at Proposal shows the tip among its tips.
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    const card = pane.getByRole('region', { name: email.from!.name });
    // The deal the card leads with, at Proposal.
    await card.getByText('Stage: Proposal', { exact: false }).waitFor();
    await card.getByRole('button', { name: deal.name }).first().click();
    const view = pane.getByRole('article', { name: deal.name });
    const tips = view.getByRole('list', { name: `Tips for ${deal.name}` });
    const mine = tips.getByRole('listitem').filter({ hasText: 'put the seat plan before the price' });
    await mine.waitFor({ timeout: 60_000 });
    await mine.getByText('for this stage').waitFor();
    await mine.getByText(/^You · /).waitFor();
    const link = mine.getByRole('link', { name: 'https://example.com/seat-plan' });
    expect(await link.getAttribute('href')).toBe('https://example.com/seat-plan');
    // The pinned tip first.
    await tips.getByRole('listitem').first().getByText('Pinned').waitFor();

    // An upvote for a colleague's tip, counted once and shown pressed.
    const colleague = tips.getByRole('listitem').first();
    const before = Number((await colleague.getByRole('button', { name: /^Helpful \(\d+\)$/ }).textContent())?.match(/\d+/)?.[0]);
    await colleague.getByRole('button', { name: `Helpful (${before})` }).click();
    const after = colleague.getByRole('button', { name: `Helpful (${before + 1})` });
    await after.waitFor();
    expect(await after.getAttribute('aria-pressed')).toBe('true');

    await view.getByRole('region', { name: 'Tips for this stage' }).scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'tips-deal', 320))).toEqual([]);
    await view.getByRole('region', { name: 'Tips for this stage' }).screenshot({ path: `${SCREENSHOTS}/tips-deal-section-320.png` });

    // Posting one from the deal: its stage ticked.
    await view.getByRole('button', { name: 'Post a tip' }).click();
    const paneForm = view.getByRole('form', { name: 'New tip' });
    expect(await paneForm.getByRole('checkbox', { name: 'In the stage Proposal' }).isChecked()).toBe(true);
    await view.getByRole('region', { name: 'Tips for this stage' }).screenshot({ path: `${SCREENSHOTS}/tips-deal-post-320.png` });
    expect(problemsOf(await checkPane(page, 'tips-deal-post', 320))).toEqual([]);
    await page.close();
  });
});
