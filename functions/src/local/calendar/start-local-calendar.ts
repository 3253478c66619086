import type { Config } from '../../config';
import type { LocalIssuer } from '../local-issuer';
import { startCalendarServer, type RunningCalendar } from './calendar-server';
import { seedDemoCalendar } from './demo-calendar';
import { seedDemoMail } from './demo-mail';
import { LocalCalendar } from './local-calendar';
import { localhostCertificate } from './local-certificate';
import { LocalMail } from './local-mail';

/** The time zone of the local calendar's demo appointments: the one set, or this machine's. */
export function localCalendarTimeZone(config: Config): string {
  return config.localCalendar.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Local mode: the Graph stand-in the add-in's calls and the server's app-only calls go to, with the demo's calendars and
 * inbox when the demo is seeded. It needs only the configuration and the issuer, so it starts before the API, which
 * then gets a Graph client pointed at it.
 */
export async function startLocalCalendar(
  local: { config: Config; issuer: LocalIssuer },
  options: { port?: number; now?: () => Date } = {},
): Promise<{ calendar: LocalCalendar; mail: LocalMail; server: RunningCalendar }> {
  const { config, issuer } = local;
  const now = options.now ?? (() => new Date());
  const calendar = new LocalCalendar(now);
  const mail = new LocalMail(calendar, now);
  if (config.seedDemo) {
    seedDemoCalendar(calendar, now(), localCalendarTimeZone(config));
    seedDemoMail(mail, now());
  }
  const server = await startCalendarServer({
    calendar,
    mail,
    certificate: await localhostCertificate(config.dataDir),
    keys: issuer.keys,
    issuer: issuer.issuer,
    port: options.port ?? config.localCalendar.port,
    host: config.host,
    now,
  });
  return { calendar, mail, server };
}
