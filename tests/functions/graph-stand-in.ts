import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppGraph } from '../../functions/src/graph/app-graph';
import type { GraphAppClientOptions } from '../../functions/src/graph/graph-app-client';
import { startCalendarServer, type RunningCalendar } from '../../functions/src/local/calendar/calendar-server';
import { LocalCalendar } from '../../functions/src/local/calendar/local-calendar';
import { localhostCertificate } from '../../functions/src/local/calendar/local-certificate';
import { LocalMail } from '../../functions/src/local/calendar/local-mail';
import { localAppGraph } from '../../functions/src/local/local-mode';
import type { LocalIssuer } from '../../functions/src/local/local-issuer';
import { TENANT_A } from './test-app';

const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** Two members of the stand-in's directory (tenant A's reps in the API tests). */
export const AVERY = { id: '0a0a0a0a-0000-4000-8000-00000000000a', address: 'avery.quinn@rapport-demo.com', name: 'Avery Quinn' };
export const SAM = { id: '0b0b0b0b-0000-4000-8000-00000000000b', address: 'sam.rivera@rapport-demo.com', name: 'Sam Rivera' };

export type GraphStandIn = {
  calendar: LocalCalendar;
  mail: LocalMail;
  server: RunningCalendar;
  /** Graph as the application over https, with app-only tokens of the issuer (Rapport's roles unless `roles` is given). */
  graph(options?: Omit<GraphAppClientOptions, 'baseUrl' | 'tokens' | 'ca'> & { roles?: readonly string[] }): AppGraph;
  close(): Promise<void>;
};

/** The local Graph stand-in over https on a free port, trusting `issuer`, with Avery's and Sam's mailboxes. */
export async function startGraphStandIn(issuer: LocalIssuer, now: () => Date = () => new Date()): Promise<GraphStandIn> {
  const calendar = new LocalCalendar(now);
  // Both in tenant A: an application's token of another tenant does not reach them.
  for (const member of [AVERY, SAM]) calendar.addMailbox({ ...member, tenantId: TENANT_A, timeZone: 'Europe/Madrid', workingHours: HOURS });
  const mail = new LocalMail(calendar, now);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-graph-'));
  const certificate = await localhostCertificate(dataDir);
  const server = await startCalendarServer({ calendar, mail, certificate, keys: issuer.keys, issuer: issuer.issuer, port: 0, host: '127.0.0.1', now });
  return {
    calendar,
    mail,
    server,
    graph: (options = {}) => localAppGraph(issuer, server, options),
    close: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
