import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Lead, Link, WebForm } from '@rapport/shared';
import { formKeyOf, webFormSnippet } from '../../shared/src/forms/web-form-key';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { SCREENSHOTS, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// A campaign from its link to its funnel (issue 23), in Spanish at 320 px: an admin makes a campaign and its tracked link
// in the pane; a visitor comes by the link to the company's website, which has the tenant's web form, and sends it; the
// lead shows the link as its first touch, and the dashboard's funnel counts the click and the lead.
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

/** The company's own website, served apart from Rapport: a page with the tenant's web form pasted in. */
async function startWebsite(page: () => string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://website').pathname !== '/webinar') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A desktop browser's user agent: the click rules do not count a headless browser's visit, as they do not count a bot's. */
const VISITOR_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('a campaign from its link to its funnel', () => {
  it('in es-ES: an admin makes a campaign and its link; a visit by the link sends the website’s form; the lead shows its first touch and the funnel counts both', async () => {
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const form = await demoApi<WebForm>(site, 'POST', '/api/forms', { name: 'Webinar sign-up' }, { 'idempotency-key': 'journey:form' }, admin.userId);
    const snippet = webFormSnippet(site.server.url, formKeyOf(form));
    const website = await startWebsite(() => `<!doctype html><html lang="en"><title>Autumn webinar</title><body><h1>Join the webinar</h1>${snippet}</body></html>`);
    try {
      // The admin makes the campaign in Settings → Campaigns, opens it, and makes its link to the website's page.
      const { page, pane } = await openDemo(site, { as: admin.email, width: 320, lang: 'es-ES' });
      await pane.getByRole('tab', { name: 'Configuración', exact: true }).click();
      await pane.getByRole('button', { name: 'Campañas', exact: true }).click();
      await pane.getByRole('button', { name: 'Nueva campaña' }).click();
      const create = pane.getByRole('form', { name: 'Nueva campaña' });
      await create.getByRole('textbox', { name: 'Nombre' }).fill('Seminario de otoño');
      await create.getByRole('combobox', { name: 'Canal' }).selectOption({ label: 'Anuncio' });
      await create.getByRole('button', { name: 'Crear campaña' }).click();
      await pane.getByRole('list', { name: 'Campañas' }).getByRole('button', { name: 'Seminario de otoño', exact: true }).click();
      await pane.getByRole('heading', { level: 1, name: 'Seminario de otoño' }).waitFor();
      await pane.getByRole('button', { name: 'Nuevo enlace de seguimiento' }).click();
      const make = pane.getByRole('form', { name: 'Nuevo enlace de seguimiento' });
      await make.getByRole('textbox', { name: /^Etiqueta/ }).fill('Banner del seminario');
      await make.getByRole('textbox', { name: /^Destino/ }).fill(`${website.url}/webinar`);
      await make.getByRole('button', { name: 'Crear el enlace' }).click();
      const address = pane.getByRole('textbox', { name: 'Enlace de «Banner del seminario»' });
      const linkUrl = await address.inputValue();
      expect(linkUrl).toMatch(new RegExp(`^${site.server.url}/r/[A-Za-z0-9_-]{22}$`));
      await checkAndShoot(page, 'journey-campaign-link-es-ES');

      // A visitor follows the link: to the website's page, with the campaign's UTM parameters and the link's code, and
      // sends its form.
      const visitor = await site.browser.newContext({ userAgent: VISITOR_AGENT });
      const visit = await visitor.newPage();
      await visit.goto(linkUrl);
      expect(new URL(visit.url()).pathname).toBe('/webinar');
      expect(new URL(visit.url()).searchParams.get('utm_campaign')).toBe('seminario-de-otono');
      await visit.getByLabel('First name').fill('Greta');
      await visit.getByLabel('Last name *').fill('Lindqvist');
      await visit.getByLabel('E-mail *').fill('greta.lindqvist@nordfjord.example');
      await Promise.all([visit.waitForURL(/\/api\/forms\//), visit.getByRole('button', { name: 'Send' }).click()]);
      await visit.getByRole('heading', { name: 'Thank you' }).waitFor();
      await visitor.close();

      // The lead: made by the form, its campaign the link's, its first touch the link.
      const found = await site.app.store.findPeopleByEmails(DEMO_TENANT_ID, ['greta.lindqvist@nordfjord.example']);
      const [lead] = await site.app.store.getMany('lead', DEMO_TENANT_ID, found.leads.get('greta.lindqvist@nordfjord.example') ?? []);
      const link = (await demoApi<{ items: Link[] }>(site, 'GET', '/api/links?limit=100')).items.find((candidate) => candidate.label === 'Banner del seminario')!;
      expect(lead).toMatchObject<Partial<Lead>>({ source: 'web-form', campaign: 'Seminario de otoño', firstTouch: expect.objectContaining({ linkId: link.id, campaignId: link.campaignId, channel: 'ad' }) });

      // In the pane, the lead found by name says where it came from, and its campaign opens.
      await pane.getByRole('tab', { name: 'Buscar', exact: true }).click();
      const box = pane.getByRole('searchbox', { name: 'Buscar en el CRM' });
      await box.fill('Lindqvist');
      await box.press('Enter');
      await pane.getByRole('list', { name: 'Leads' }).getByRole('button', { name: /Greta Lindqvist/ }).click();
      await pane.getByRole('heading', { level: 1, name: 'Greta Lindqvist' }).waitFor();
      await pane.getByText(/^Primer contacto: Anuncio · /).waitFor();
      await checkAndShoot(page, 'journey-lead-first-touch-es-ES');
      await page.close();

      // The dashboard's funnel: the campaign's click and its lead.
      const dashboard = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await dashboard.goto(`${site.server.url}/dashboard?as=${admin.email}&tab=marketing&lang=es-ES`);
      const table = dashboard.locator('[data-report="campaign-funnel"] table');
      const row = table.locator('tbody tr', { has: dashboard.locator('td:first-child', { hasText: 'Seminario de otoño' }) });
      await row.waitFor();
      const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
      const cells = (await row.locator('td, th').allTextContents()).map((text) => text.trim());
      const funnel = Object.fromEntries(headers.map((header, at) => [header, cells[at]]));
      expect(funnel).toMatchObject({ Clics: '1', Leads: '1' });
      await dashboard.locator('[data-report="campaign-funnel"]').screenshot({ path: path.join(SCREENSHOTS, 'journey-funnel-es-ES.png') });
      await dashboard.close();
    } finally {
      await website.close();
    }
  });
});
