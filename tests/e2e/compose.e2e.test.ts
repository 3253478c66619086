import { demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

jest.setTimeout(90_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

/** The demo's New e-mail, at 320 px, to the customer with an open deal, once the pane shows their card. */
async function newEmailToCustomer(lang: string) {
  const customer = demoItem(site, 'A customer with an open deal').from!;
  const { page, pane } = await openDemo(site, { width: 320, lang });
  await page.getByRole('button', { name: 'New e-mail' }).click();
  const to = page.getByRole('textbox', { name: 'To' });
  await to.fill(customer.email);
  await to.press('Enter');
  await pane.getByRole('region', { name: customer.name }).waitFor();
  return { page, pane };
}

// The pane in a message being written: the demo's New e-mail and Reply windows, with the real pane beside them.
describe('the pane in a message being written', () => {
  it('shows the CRM card of each recipient as the rep adds them, and follows removals', async () => {
    const customer = demoItem(site, 'A customer with an open deal').from!;
    const { page, pane } = await openDemo(site, { width: 320 });
    await page.getByRole('button', { name: 'New e-mail' }).click();
    await pane.getByText('Add recipients: what the CRM knows about them shows here as you type.').waitFor();
    await screenshot(page, 'compose-empty');

    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill(customer.email);
    await to.press('Enter');
    await pane.getByRole('heading', { name: 'People on this e-mail' }).waitFor();
    await pane.getByRole('region', { name: customer.name }).waitFor();
    expect(problemsOf(await checkPane(page, 'compose-card', 320))).toEqual([]);
    await screenshot(page, 'compose-recipient-card');

    // A second recipient joins the list; removing the first moves the card to the one left.
    const cc = page.getByRole('textbox', { name: 'Cc' });
    await cc.fill('someone.new@litware.com');
    await cc.press('Enter');
    await pane.getByRole('button', { name: /someone\.new@litware\.com/ }).waitFor();
    // The new answer is slow to come: the removed customer's card goes at once all the same.
    await page.route('**/api/lookup', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue().catch(() => undefined);
    });
    await to.fill('');
    await to.press('Enter');
    await pane.getByRole('region', { name: customer.name }).waitFor({ state: 'detached', timeout: 1_500 });
    await pane.getByText('someone.new@litware.com').first().waitFor();
    await page.close();
  });

  it("opens a reply with the sender's card, without logging it as a received e-mail", async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    await pane.getByRole('button', { name: 'Log this e-mail' }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('list', { name: 'Timeline', exact: true }).waitFor();
    expect(await pane.getByRole('button', { name: 'Log this e-mail' }).count()).toBe(0);
    await screenshot(page, 'compose-reply');
    await page.close();
  });

  it('inserts free times where the cursor is, above the signature, in the words of the display language', async () => {
    const { page, pane } = await newEmailToCustomer('es-ES');
    // The rep writes a first line, then inserts the times under it.
    const body = page.getByRole('textbox', { name: 'Message body' });
    await body.click({ position: { x: 10, y: 10 } });
    await page.keyboard.type('Hola Javier,');
    await page.keyboard.press('Enter');
    await pane.getByRole('button', { name: 'Insertar horas libres' }).click();
    const form = pane.getByRole('form', { name: 'Insertar horas libres' });
    await form.getByRole('checkbox').first().waitFor();
    expect(problemsOf(await checkPane(page, 'compose-free-times', 320))).toEqual([]);
    await form.getByRole('button', { name: 'Insertar', exact: true }).click();
    await pane.getByText('Horas insertadas en el correo.').waitFor();
    const text = await body.innerText();
    expect(text).toMatch(/Hola Javier,\s*¿Le viene bien alguno de estos horarios\?\s/);
    // The signature stays below what was inserted.
    expect(text.indexOf('Avery Quinn')).toBeGreaterThan(text.indexOf('Hola Javier'));
    expect(text.trim().endsWith('Rapport Demo Ltd')).toBe(true);
    await screenshot(page, 'compose-free-times-inserted');
    await page.close();
  });

  it("inserts a team template filled for the recipient, the free times in the template's language, and sets the empty subject", async () => {
    const { page, pane } = await newEmailToCustomer('es-ES');
    await pane.getByRole('button', { name: 'Insertar una plantilla' }).click();
    await pane.getByText('Propose a meeting (free times)').click();
    const preview = pane.getByLabel('Vista previa para este destinatario');
    // The rep's language first: the Spanish variant, for Javier, with the times read from the calendar in Spanish.
    await preview.getByText(/Hola, Javier:/).waitFor();
    // The template leads into the times in its own words: its line, then the times, no second question.
    await preview.getByText(/Tengo libres estos horarios:\s*• /).waitFor();
    expect(await preview.textContent()).not.toContain('¿Le viene bien');
    expect(problemsOf(await checkPane(page, 'compose-template', 320))).toEqual([]);
    await pane.getByRole('button', { name: 'Insertar', exact: true }).click();
    await pane.getByText('Insertada en tu mensaje.').waitFor();
    const body = await page.getByRole('textbox', { name: 'Message body' }).innerText();
    expect(body).toMatch(/^\s*Hola, Javier:/);
    // The template's sign-off ({{me}}) above the signature's.
    expect(body).toMatch(/Un saludo,\s*Avery Quinn\s*--\s*Avery Quinn\s*Rapport Demo Ltd\s*$/);
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe('¿Nos reunimos?');
    await screenshot(page, 'compose-template-inserted');
    await page.close();
  });
});
