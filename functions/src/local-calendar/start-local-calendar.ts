import type { App } from '../app';
import { LOCAL_ISSUER } from '../config';
import { startCalendarServer, type RunningCalendar } from './calendar-server';
import { seedDemoCalendar } from './demo-calendar';
import { LocalCalendar } from './local-calendar';
import { localhostCertificate } from './local-certificate';

/** Local mode: the calendar service the add-in's Graph calls go to, with the demo's calendars when the demo is seeded. */
export async function startLocalCalendar(app: App, options: { port?: number; now?: () => Date } = {}): Promise<{ calendar: LocalCalendar; server: RunningCalendar }> {
  if (!app.issuer) throw new Error('the local calendar service runs in local mode only');
  const now = options.now ?? (() => new Date());
  const calendar = new LocalCalendar(now);
  if (app.config.seedDemo) seedDemoCalendar(calendar, now(), app.config.localCalendar.timeZone);
  const server = await startCalendarServer({
    calendar,
    certificate: await localhostCertificate(app.config.dataDir),
    keys: app.issuer.keys,
    issuer: LOCAL_ISSUER,
    port: options.port ?? app.config.localCalendar.port,
    host: app.config.host,
    now,
  });
  return { calendar, server };
}
