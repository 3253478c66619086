import { startBenchDemo } from './bench-demo';
import { summarize } from './stats';

const RUNS = 50;
const WARMUP = 3;

/**
 * The send-time check in the demo Outlook, as Outlook runs it: each Send starts a runtime without a DOM (a Web Worker)
 * that loads the add-in's built events.js and runs onMessageSendHandler on the message (config, local token and
 * POST /api/send-check, all over loopback). Two figures per Send: the handler's time from the event to its decision
 * (what Outlook waits for, and what the second is about), and from the Send click to the decision, the runtime's
 * start and the script's load included. The message goes to a demo customer with alerts and to a stranger, so every
 * run reads everything a check can read and ends in the Smart Alert (Don't Send keeps the draft for the next run).
 */
export async function measureSendCheck(): Promise<{ handler: ReturnType<typeof summarize>; fromSend: ReturnType<typeof summarize>; alerts: number }> {
  const { server, browser, inbox, close } = await startBenchDemo('send');
  try {
    const customer = inbox.items.find((item) => item.scenario === 'A customer with an open deal')?.from;
    if (!customer) throw new Error('The demo inbox has no customer e-mail');
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo.html`);
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill(`${customer.email}; someone.new@nowhere.example`);
    await to.press('Enter');
    const handler: number[] = [];
    const fromSend: number[] = [];
    let alerts = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const alert = page.getByRole('alertdialog');
      await alert.waitFor();
      const timing = await page.evaluate(() => {
        const sent = performance.getEntriesByName('rapport:send').at(-1) as PerformanceMark | undefined;
        const decided = performance.getEntriesByName('rapport:send-decided').at(-1) as PerformanceMark | undefined;
        const detail = decided?.detail as { handlerMs?: number; allowEvent?: boolean } | undefined;
        return sent && decided && typeof detail?.handlerMs === 'number' ? { handlerMs: detail.handlerMs, fromSendMs: decided.startTime - sent.startTime, alert: detail.allowEvent === false } : null;
      });
      if (!timing) throw new Error('The demo did not mark the send and its decision');
      await alert.getByRole('button', { name: "Don't Send" }).click();
      await alert.waitFor({ state: 'detached' });
      if (run < WARMUP) continue;
      handler.push(timing.handlerMs);
      fromSend.push(timing.fromSendMs);
      if (timing.alert) alerts++;
    }
    await page.close();
    return { handler: summarize(handler), fromSend: summarize(fromSend), alerts };
  } finally {
    await close();
  }
}
