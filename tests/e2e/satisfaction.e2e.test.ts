import type { Case, LookupResponse, Member, Survey } from '@rapport/shared';
import { DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { cspViolations, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// The service loop through the demo Outlook and a real Chromium (issue 22): a customer writes about a known problem,
// the pane suggests the article that answers it, the rep puts it in the reply and sends it, closes the case, and the
// customer gets the satisfaction survey from the rep's mailbox (the local Graph stand-in's Sent Items), in their
// language; they answer 2 of 5 on their phone, and the rep's manager finds the task to call them back in My day.

jest.setTimeout(300_000);

const PROBLEM = 'A customer reporting a known problem';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

describe('the service loop', () => {
  it('answers a known problem with an article, surveys the customer when the case closes, and tasks the manager with a low score', async () => {
    const email = demoItem(site, PROBLEM);
    const customer = email.from!;
    const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [customer.email] });
    const openCase = lookup.results[0]!.openCases[0]!;
    const contactId = lookup.results[0]!.contact!.id;

    // The pane suggests the article; the rep replies with it and sends.
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    await pane.getByRole('region', { name: customer.name }).waitFor();
    await pane.getByRole('list', { name: 'Articles that may answer it' }).getByRole('listitem').first().getByText('Sua fatura mostra um valor diferente do esperado').waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    const subject = await page.getByRole('textbox', { name: 'Subject' }).inputValue();
    await pane.getByRole('button', { name: 'Insert article' }).click();
    const insert = pane.getByRole('region', { name: 'Insert an article' });
    await insert.getByRole('radiogroup', { name: 'Article to insert' }).getByRole('radio').first().waitFor();
    await page.getByRole('textbox', { name: 'Message body' }).click({ position: { x: 10, y: 10 } });
    await insert.getByRole('button', { name: 'Insert', exact: true }).click();
    await pane.getByText(`The article is in your message. Logged: this article answered case #${openCase.number}.`).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const inSent = page.getByRole('region', { name: 'Sent' }).getByText(subject).first();
    const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
    await inSent.or(alert).first().waitFor();
    if (await alert.isVisible()) await alert.getByRole('button', { name: 'Send Anyway' }).click();
    await inSent.waitFor();
    await page.close();

    // The rep takes the case (their manager gives it to them), and closes it on the customer's card.
    const members = (await demoApi<{ items: Member[] }>(site, 'GET', '/api/members?limit=100')).items;
    const owner = members.find((member) => member.id === DEMO_USER_ID)!;
    const current = await demoApi<Case>(site, 'GET', `/api/cases/${openCase.id}`);
    if (current.ownerId !== owner.id) await demoApi(site, 'PATCH', `/api/cases/${openCase.id}`, { ownerId: owner.id }, { 'if-match': `"${current.version}"` }, owner.managerId);
    const card = await openDemo(site, { item: email.id, width: 320 });
    await card.pane.getByRole('region', { name: customer.name }).waitFor();
    await card.pane.getByRole('button', { name: /^Open cases/ }).click();
    await card.pane.getByRole('combobox', { name: `Status of Case #${openCase.number}` }).selectOption({ label: 'Closed' });
    await card.pane.getByText(`Case #${openCase.number}: Closed.`).waitFor();
    await card.page.close();

    // Within a minute the survey goes, from the case owner's mailbox, in the customer's language (Portuguese).
    const closed = await demoApi<Case>(site, 'GET', `/api/cases/${openCase.id}`);
    expect(closed.status).toBe('closed');
    const run = await fetch(`${site.server.url}/dev/jobs/surveys/run?again=true`, { method: 'POST', headers: { 'x-rapport-dev': 'run' } });
    expect(run.status).toBe(200);
    const mails = site.calendar.mail.folder(owner.email!, 'sentitems').filter((mail) => mail.toRecipients.some((to) => to.address.toLowerCase() === customer.email.toLowerCase()) && mail.subject.startsWith('Como nos saímos'));
    expect(mails).toHaveLength(1);
    const html = mails[0]!.body.content;
    expect(mails[0]!.subject).toBe(`Como nos saímos com "${openCase.subject}"?`);
    const link = /href="([^"]+\/api\/public\/surveys\/[A-Za-z0-9_-]{22})\?score=2"/.exec(html)?.[1];
    expect(link).toBeDefined();

    // The customer answers 2 of 5 on their phone: the page preselects the score the e-mail's link chose.
    const phone = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
    await phone.goto(`${link!.replaceAll('&amp;', '&')}?score=2`);
    await phone.getByRole('heading', { level: 1, name: /Qual o seu grau de satisfação/ }).waitFor();
    expect(await phone.getByRole('radio', { name: '2' }).isChecked()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.getByRole('textbox', { name: 'Quer acrescentar algo? (opcional)' }).fill('A fatura continua errada.');
    await screenshot(phone, 'survey-page-pt-320');
    await phone.getByRole('button', { name: 'Enviar minha resposta' }).click();
    await phone.getByRole('status').filter({ hasText: 'Obrigado: sua resposta foi registrada.' }).waitFor();
    expect(await cspViolations(phone)).toEqual([]);
    await screenshot(phone, 'survey-answered-pt-320');
    await phone.close();

    const [survey] = (await demoApi<{ items: Survey[] }>(site, 'GET', `/api/surveys?caseId=${openCase.id}`)).items;
    expect(survey).toMatchObject({ type: 'csat', status: 'answered', score: 2, comment: 'A fatura continua errada.', language: 'pt' });

    // The manager finds the call back in My day, high priority, about this customer.
    const manager = members.find((member) => member.id === owner.managerId)!;
    const day = await openDemo(site, { width: 320, as: manager.email! });
    await day.pane.getByRole('tab', { name: 'My day', exact: true }).click();
    const task = day.pane.getByText(`Call ${customer.name} back: satisfaction 2 of 5`);
    await task.first().waitFor();
    expect(problemsOf(await checkPane(day.page, 'survey-manager-my-day', 320))).toEqual([]);
    await day.page.close();

    // The contact keeps the score: the card's data says 2 of 5.
    const contact = (await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [customer.email] })).results[0]!.contact!;
    expect(contact.id).toBe(contactId);
    expect(contact.satisfaction).toMatchObject({ type: 'csat', score: 2 });
  });
});
