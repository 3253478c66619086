import type { LocalApp } from '../local-mode';
import { startCalendarServer, type RunningCalendar } from './calendar-server';
import { seedDemoCalendar } from './demo-calendar';
import { LocalCalendar } from './local-calendar';
import { localhostCertificate } from './local-certificate';

/** Local mode: the calendar service the add-in's Graph calls go to, with the demo's calendars when the demo is seeded. */
export async function startLocalCalendar(app: LocalApp, options: { port?: number; now?: () => Date } = {}): Promise<{ calendar: LocalCalendar; server: RunningCalendar }> {
  const now = options.now ?? (() => new Date());
  const calendar = new LocalCalendar(now);
  if (app.config.seedDemo) seedDemoCalendar(calendar, now(), app.config.localCalendar.timeZone);
  const server = await startCalendarServer({
    calendar,
    certificate: await localhostCertificate(app.config.dataDir),
    keys: app.issuer.keys,
    issuer: app.issuer.issuer,
    port: options.port ?? app.config.localCalendar.port,
    host: app.config.host,
    now,
  });
  return { calendar, server };
}
