import type { Link } from '@rapport/shared';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Rep links in Chromium (issue 23): in a reply at 320 px, Insert link offers the tenant's active tracked links (the
// demo's campaigns'), narrows them as the rep types, and puts the chosen one at the cursor as a link with its label to
// its /r/ address, which redirects to the campaign's page with its UTM parameters and code. English and Spanish, every
// view checked and photographed.

jest.setTimeout(300_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

async function checkAndShoot(page: Parameters<typeof checkPane>[0], view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, `tracked-links-${view}`, 320))).toEqual([]);
}

describe('Insert link in a reply', () => {
  it.each([
    ['en-US', 'Insert link', 'Insert a tracked link', 'Tracked links', 'Find a link', 'Insert', 'The link is in your message: its clicks count for the campaign.'],
    ['es-ES', 'Insertar enlace', 'Insertar un enlace de seguimiento', 'Enlaces de seguimiento', 'Buscar un enlace', 'Insertar', 'El enlace está en tu mensaje: sus clics cuentan para la campaña.'],
  ])('in %s: finds the partner banner, puts it into the reply as its label linked to its /r/ address, and the address opens the partner page', async (lang, open, heading, list, search, insertButton, inserted) => {
    const email = demoItem(site, 'A customer reporting a known problem');
    const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    await pane.getByRole('button', { name: open }).click();
    const insert = pane.getByRole('region', { name: heading });
    const choices = insert.getByRole('radiogroup', { name: list });
    await choices.getByRole('radio').first().waitFor();
    expect(await choices.getByRole('radio').count()).toBe(3);
    await checkAndShoot(page, `offered-${lang}`);

    await insert.getByRole('searchbox', { name: search }).fill('deals hub');
    await choices.getByRole('radio', { name: /Partner page banner/ }).waitFor();
    expect(await choices.getByRole('radio').count()).toBe(1);
    const body = page.getByRole('textbox', { name: 'Message body' });
    await body.click({ position: { x: 10, y: 10 } });
    await insert.getByRole('button', { name: insertButton, exact: true }).click();
    await pane.getByText(inserted).waitFor();
    const banner = (await demoApi<{ items: Link[] }>(site, 'GET', '/api/links?limit=100')).items.find((link) => link.label === 'Partner page banner')!;
    const href = `${site.server.url}/r/${banner.code}`;
    const anchor = body.locator(`a[href="${href}"]`);
    expect(await anchor.count()).toBe(1);
    expect(await anchor.innerText()).toBe('Partner page banner');
    await checkAndShoot(page, `inserted-${lang}`);
    await screenshot(page, `tracked-links-reply-${lang}`);

    // The customer's click: to the partner page, with the campaign's UTM parameters and the link's code.
    const opened = await fetch(href, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36' } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`https://www.rapport-demo.com/partners?utm_source=deals-hub&utm_medium=affiliate&utm_campaign=partner-referral&utm_content=partner-page-banner&rp_code=${banner.code}`);
    await page.close();
  });
});
