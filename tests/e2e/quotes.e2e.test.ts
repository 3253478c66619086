import type { Page } from 'playwright-core';
import type { Contact, Deal, LookupResponse, Quote } from '@rapport/shared';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Quotes end to end in Chromium (issue 21): from a customer's e-mail at 320 px, the rep drafts a quote from the
// sender's deal, sends it, replies and inserts it with its PDF; the customer opens the link in a browser of their own
// and accepts it; back in the pane the deal is won, the acceptance is on its timeline, and the order in Purchases.

jest.setTimeout(240_000);

const ADMIN = 'c0ffee00-0000-4000-8000-0000000000c1';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('latin1');
}

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious; the pane photographed. */
async function checkAndShoot(page: Page, view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, view, 320))).toEqual([]);
}

/**
 * The sender's open deal the test quotes: one whose name no other of their open deals has (the card lists them by
 * name), given two catalog lines by its owner, and the tenant's tax rates set by the admin, as a tenant would.
 */
async function dealWithLines(email: string): Promise<Deal> {
  const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [email] });
  const open = lookup.results[0]?.openDeals ?? [];
  const deal = open.find((candidate) => open.filter((other) => other.name === candidate.name).length === 1);
  if (!deal) throw new Error(`${email} has no open deal of a name of its own`);
  const owned = await demoApi<Deal>(site, 'GET', `/api/deals/${deal.id}`);
  const suffix = owned.currency === 'USD' ? '' : `-${owned.currency.toLowerCase()}`;
  const lines = [
    { productId: `demo-product-sales-seat${suffix}`, quantity: 50, discountPercent: 10 },
    { productId: `demo-product-onboarding${suffix}`, quantity: 1, discountPercent: 0 },
  ];
  const changed = await demoApi<Deal>(site, 'PATCH', `/api/deals/${deal.id}`, { lineItems: lines, amountSetByHand: false }, { 'if-match': `"${owned.version}"` }, owned.ownerId);
  const settings = await demoApi<{ version: number }>(site, 'GET', '/api/settings', undefined, {}, ADMIN);
  const quotes = { sellerName: 'Rapport Demo Ltd', taxRates: [{ name: 'VAT 23%', percent: 23 }, { name: 'VAT 6%', percent: 6 }], defaultTaxPercent: 23, validityDays: 30, language: 'en' };
  await demoApi(site, 'PATCH', '/api/settings', { quotes }, { 'if-match': `"${settings.version}"` }, ADMIN);
  return changed;
}

/**
 * A new open deal of the sender's, for their company, with a second contact of the company beside them (so there is a
 * contact to choose) and one catalog line.
 */
async function dealWithTwoContacts(email: string): Promise<{ deal: Deal; sender: Contact; other: Contact }> {
  const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [email] });
  const sender = lookup.results[0]?.contact;
  const known = lookup.results[0]?.openDeals[0];
  if (!sender?.companyId || !known) throw new Error(`${email} is not a contact of a company with an open deal`);
  const other = await demoApi<Contact>(site, 'POST', '/api/contacts', { firstName: 'Inês', lastName: 'Carvalho', emails: ['ines.carvalho@quote-fields.example'], companyId: sender.companyId }, { 'idempotency-key': 'quote-fields:contact' });
  const suffix = known.currency === 'USD' ? '' : `-${known.currency.toLowerCase()}`;
  const deal = await demoApi<Deal>(
    site,
    'POST',
    '/api/deals',
    { name: 'Onboarding for the new office', stage: known.stage, currency: known.currency, companyId: sender.companyId, contactIds: [sender.id, other.id], lineItems: [{ productId: `demo-product-onboarding${suffix}`, quantity: 1 }] },
    { 'idempotency-key': 'quote-fields:deal' },
  );
  return { deal, sender, other };
}

describe('quotes in Chromium', () => {
  it('a rep quotes the sender’s deal, sends it, inserts it with its PDF in a reply; the customer accepts; the deal is won', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const deal = await dealWithLines(email.from!.email);
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });

    // The sender's card: their open deals, this one's quotes.
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: 'Open deals' }).click();
    await pane.getByRole('button', { name: `Quotes of ${deal.name}` }).click();
    await pane.getByText(/^No quotes yet\./).waitFor();
    await checkAndShoot(page, 'quotes-deal-empty');

    // New quote: drafted from the deal's lines, in the customer's language, at the tenant's default tax.
    await pane.getByRole('button', { name: 'New quote' }).click();
    // The tenant's next number (the demo may hold quotes already): "Q-7".
    const heading = pane.getByRole('heading', { name: /^Q-\d+$/ });
    await heading.waitFor();
    const reference = (await heading.textContent())!.trim();
    const named = (pattern: string) => new RegExp(pattern.replace('REF', reference));
    const lines = pane.getByRole('list', { name: 'Lines' });
    await lines.getByRole('group', { name: 'Line 1' }).waitFor();
    expect(await lines.getByRole('group', { name: 'Line 1' }).getByLabel('Product or service').inputValue()).toBe('Sales seat (annual)');
    expect(await lines.getByRole('group', { name: 'Line 1' }).getByLabel('Tax').inputValue()).toBe('23');
    // The rep gives 5 % off the whole quote: the totals follow as they type, then Save.
    await pane.getByLabel('Discount on the whole quote (%)').fill('5');
    await pane.getByText('Changes not saved yet.').waitFor();
    await checkAndShoot(page, 'quotes-editor-en');
    await pane.getByRole('button', { name: 'Save' }).click();
    await pane.getByText('Saved.').waitFor();
    const [draft] = (await demoApi<{ items: Quote[] }>(site, 'GET', `/api/quotes?dealId=${deal.id}`)).items;
    expect(draft).toMatchObject({ number: expect.any(Number), status: 'draft', discountPercent: 5, currency: deal.currency });
    const totalShown = await pane.getByLabel('Totals').locator('dd').last().textContent();
    expect(totalShown?.replace(/\s/g, ' ')).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: draft!.currency }).format(draft!.totals.total / 100).replace(/\s/g, ' '));

    // Send: confirmed, then the link to give the customer.
    await pane.getByRole('button', { name: 'Send to customer' }).click();
    await pane.getByRole('button', { name: 'Send', exact: true }).click();
    await pane.getByText(/^Sent\. Give the customer this link/).waitFor();
    await pane.getByLabel('Link for the customer').waitFor();
    // Its PDF, read through the API with the rep's token, saved under the quote's reference.
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${reference}.pdf`);
    expect((await streamText(await download.createReadStream())).startsWith('%PDF-')).toBe(true);
    await pane.getByRole('button', { name: 'All quotes' }).click();
    await pane.getByRole('button', { name: named('^REF · Sent · .*Sent on .*, not opened yet$') }).waitFor();
    await checkAndShoot(page, 'quotes-deal-section');

    // A reply to the customer: Insert quote, with the PDF attached.
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    await pane.getByRole('button', { name: 'Insert quote' }).click();
    const insert = pane.getByRole('region', { name: 'Insert a quote' });
    await insert.getByRole('radio', { name: named('^REF · Sent') }).waitFor();
    expect(await insert.getByRole('checkbox', { name: 'Attach the PDF' }).isChecked()).toBe(true);
    await checkAndShoot(page, 'quotes-compose-insert');
    await insert.getByRole('button', { name: 'Insert', exact: true }).click();
    await pane.getByText('Quote inserted in your message, its PDF attached.').waitFor();
    const body = page.getByRole('textbox', { name: 'Message body' });
    const link = await body.locator('a').first().getAttribute('href');
    expect(link).toMatch(new RegExp(`^${site.server.url}/api/public/quotes/[A-Za-z0-9_-]{22}$`));
    // In the customer's language (the company is Portuguese), whatever the pane's: no tracking image.
    expect(await body.innerText()).toMatch(named('^\\s*Segue o nosso orçamento REF para '));
    expect(await body.locator('img').count()).toBe(0);
    await page.getByRole('list', { name: 'Attachments' }).getByText(`${reference}.pdf`, { exact: false }).waitFor();
    await screenshot(page, 'quotes-compose-inserted');

    // The customer, in a browser of their own, opens the link and accepts.
    const customer = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const quotePage = await customer.newPage();
    await quotePage.goto(link!);
    const accept = quotePage.locator('form[action$="/accept"]');
    await accept.locator('input[name="name"]').fill('Joana Rodrigues');
    await accept.getByRole('checkbox').check();
    await accept.getByRole('button').click();
    await quotePage.getByText(/Joana Rodrigues/).first().waitFor();
    await screenshot(quotePage, 'quotes-customer-accepted');
    await customer.close();

    // Back in the pane: the deal is won, the acceptance on its timeline and in its quotes.
    const again = await openDemo(site, { item: email.id, width: 320 });
    await again.pane.getByRole('tab', { name: 'Search', exact: true }).click();
    await again.pane.getByRole('searchbox').fill(deal.name);
    await again.pane.getByRole('searchbox').press('Enter');
    await again.pane.getByRole('button', { name: new RegExp(deal.name) }).first().click();
    const view = again.pane.getByRole('article', { name: deal.name });
    await view.getByText(`${reference} accepted`).first().waitFor();
    await view.getByRole('button', { name: 'Quotes', exact: true }).click();
    await view.getByRole('button', { name: named('^REF · Accepted · .*Accepted by Joana Rodrigues on ') }).waitFor();
    const won = await demoApi<Deal>(site, 'GET', `/api/deals/${deal.id}`);
    expect(won).toMatchObject({ status: 'won' });
    await view.getByText(/Won/).first().waitFor();
    await checkAndShoot(again.page, 'quotes-deal-won');
    await again.page.close();
    // The accepted quote is the customer's order, confirmed, in their company's Purchases.
    const card = await openDemo(site, { item: email.id, width: 320 });
    await card.pane.getByRole('button', { name: 'Purchases' }).click();
    await card.pane.getByRole('list', { name: 'Orders' }).getByText(/Confirmed/).first().waitFor();
    await card.page.close();
    await page.close();
  });

  it('a rep addresses a draft to another of the deal’s contacts and describes a line, both kept after a reload; deletes another draft', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const { deal, sender, other } = await dealWithTwoContacts(email.from!.email);
    const otherName = `${other.firstName} ${other.lastName}`;
    const description = 'Two days on site with the sales team.\nTravel included.';
    const openQuotes = async () => {
      const opened = await openDemo(site, { item: email.id, width: 320 });
      await opened.pane.getByRole('region', { name: email.from!.name }).waitFor();
      await opened.pane.getByRole('button', { name: 'Open deals' }).click();
      await opened.pane.getByRole('button', { name: `Quotes of ${deal.name}` }).click();
      return opened;
    };

    // A new draft is addressed to the deal's first contact; the rep chooses the other one and describes the line.
    const first = await openQuotes();
    await first.pane.getByRole('button', { name: 'New quote' }).click();
    const reference = (await first.pane.getByRole('heading', { name: /^Q-\d+$/ }).textContent())!.trim();
    const addressed = first.pane.getByLabel('Addressed to');
    await addressed.locator('option:checked', { hasText: `${sender.firstName} ${sender.lastName}` }).waitFor({ state: 'attached' });
    await addressed.selectOption({ label: otherName });
    const line = first.pane.getByRole('list', { name: 'Lines' }).getByRole('group', { name: 'Line 1' });
    expect(await line.getByRole('textbox', { name: /^Description/ }).count()).toBe(0);
    await checkAndShoot(first.page, 'quotes-editor-description-folded');
    await line.getByRole('button', { name: 'Add description to line 1' }).click();
    await line.getByRole('textbox', { name: /^Description/ }).fill(description);
    await checkAndShoot(first.page, 'quotes-editor-contact-description');
    await first.pane.getByRole('button', { name: 'Save' }).click();
    await first.pane.getByText('Saved.').waitFor();
    await first.page.close();

    // Read again in a new pane: both kept.
    const again = await openQuotes();
    await again.pane.getByRole('button', { name: new RegExp(`^${reference} · Draft`) }).click();
    await again.pane.getByLabel('Addressed to').locator('option:checked', { hasText: otherName }).waitFor({ state: 'attached' });
    const kept = again.pane.getByRole('list', { name: 'Lines' }).getByRole('group', { name: 'Line 1' }).getByRole('textbox', { name: /^Description/ });
    expect(await kept.inputValue()).toBe(description);
    const [stored] = (await demoApi<{ items: Quote[] }>(site, 'GET', `/api/quotes?dealId=${deal.id}`)).items;
    expect(stored).toMatchObject({ contactId: other.id, lines: [{ description }] });

    // Sent, it names whom it is addressed to and shows the description, as the customer reads it.
    await again.pane.getByRole('button', { name: 'Send to customer' }).click();
    await again.pane.getByRole('button', { name: 'Send', exact: true }).click();
    await again.pane.getByText(/^Sent\. Give the customer this link/).waitFor();
    await again.pane.getByRole('button', { name: otherName }).waitFor();
    await again.pane.getByRole('list', { name: 'Lines' }).getByText('Travel included.', { exact: false }).waitFor();
    await checkAndShoot(again.page, 'quotes-sent-contact-description');

    // Another draft, deleted after the rep confirms: the sent quote stays, the draft is gone.
    await again.pane.getByRole('button', { name: 'All quotes' }).click();
    await again.pane.getByRole('button', { name: 'New quote' }).click();
    const draftReference = (await again.pane.getByRole('heading', { name: /^Q-\d+$/ }).textContent())!.trim();
    await again.pane.getByRole('button', { name: 'Delete draft' }).click();
    await again.pane.getByRole('group', { name: 'Delete draft' }).getByText(`Delete the draft ${draftReference}?`, { exact: false }).waitFor();
    await checkAndShoot(again.page, 'quotes-delete-draft-confirm');
    await again.pane.getByRole('button', { name: 'Yes, delete' }).click();
    await again.pane.getByText(`Draft ${draftReference} deleted.`).waitFor();
    const list = again.pane.getByRole('list', { name: `Quotes of ${deal.name}` });
    await list.getByRole('button', { name: new RegExp(`^${reference} · Sent`) }).waitFor();
    expect(await list.getByRole('button', { name: new RegExp(`^${draftReference} · `) }).count()).toBe(0);
    await checkAndShoot(again.page, 'quotes-draft-deleted');
    const left = (await demoApi<{ items: Quote[] }>(site, 'GET', `/api/quotes?dealId=${deal.id}`)).items;
    expect(left.map((quote) => quote.status)).toEqual(['sent']);
    await again.page.close();

    // A new pane's list does not have it either.
    const fresh = await openQuotes();
    await fresh.pane.getByRole('button', { name: new RegExp(`^${reference} · Sent`) }).waitFor();
    expect(await fresh.pane.getByRole('button', { name: new RegExp(`^${draftReference} · `) }).count()).toBe(0);
    await fresh.page.close();
  });

  it('shows the quote editor in Spanish at 320 px, nothing cut or sideways', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [email.from!.email] });
    const deal = lookup.results[0]!.openDeals.find((candidate) => candidate.status === 'open' && candidate.lineItems.length === 0)!;
    const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang: 'es-ES' });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: 'Oportunidades abiertas' }).click();
    await pane.getByRole('button', { name: `Presupuestos de ${deal.name}` }).first().click();
    await pane.getByRole('button', { name: 'Nuevo presupuesto' }).first().click();
    await pane.getByRole('heading', { name: /^Q-\d+$/ }).waitFor();
    await pane.getByRole('button', { name: 'Añadir línea' }).click();
    const line = pane.getByRole('group', { name: 'Línea 1' });
    await line.getByLabel('Producto o servicio').fill('Día de formación in situ con el equipo de ventas de la central');
    await line.getByLabel('Cantidad').fill('2');
    await line.getByLabel(/^Precio unitario/).fill('1250,5');
    await line.getByLabel('Impuesto', { exact: true }).selectOption({ label: 'Otro tipo' });
    await line.getByLabel('Impuesto %').fill('6');
    await line.getByRole('button', { name: 'Añadir descripción a la línea 1' }).click();
    await line.getByRole('textbox', { name: /^Descripción/ }).fill('Formación presencial de un día completo para todo el equipo comercial de la central, con materiales.');
    await pane.getByText(/sin impuestos · impuesto/).waitFor();
    await checkAndShoot(page, 'quotes-editor-es');
    expect(await pane.getByLabel('Totales').innerText()).toMatch(/Total\s*2651,06\s*€/);
    // Not wanted after all: the draft is deleted, with its changes, once the rep confirms.
    await pane.getByRole('button', { name: 'Eliminar borrador' }).click();
    await pane.getByText(/^¿Eliminar el borrador Q-\d+\? .* Los cambios que aún no guardaste se van con él\.$/).waitFor();
    await checkAndShoot(page, 'quotes-delete-draft-es');
    await pane.getByRole('button', { name: 'Sí, eliminar' }).click();
    await pane.getByText(/^Borrador Q-\d+ eliminado\.$/).waitFor();
    await page.close();
  });
});
