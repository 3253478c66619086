import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import type { GraphScope } from '@rapport/shared';
import { LocalIssuer } from '../../functions/src/local/local-issuer';
import { LOCAL_ISSUER } from '../../functions/src/config';
import { startCalendarServer, type RunningCalendar } from '../../functions/src/local/calendar/calendar-server';
import { LocalCalendar } from '../../functions/src/local/calendar/local-calendar';
import { localhostCertificate } from '../../functions/src/local/calendar/local-certificate';
import { createGraphClient } from '../../addin/src/graph/graph-client';

export const ME = 'avery.quinn@rapport-demo.com';
export const COLLEAGUE = 'sam.rivera@rapport-demo.com';
const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export type CalendarFixture = {
  calendar: LocalCalendar;
  server: RunningCalendar;
  /** Every token the Graph client asked for, by the scopes it carried. */
  tokenScopes: GraphScope[][];
  client: (scopes?: GraphScope[]) => ReturnType<typeof createGraphClient>;
  close(): Promise<void>;
};

/**
 * The local calendar service over https on a free port, two mailboxes in Madrid time, and Graph
 * clients that trust its certificate, retry quickly, and get tokens from the local issuer.
 */
export async function startCalendarFixture(now: () => Date): Promise<CalendarFixture> {
  const issuer = await LocalIssuer.create(LOCAL_ISSUER, 'api://rapport-local');
  const calendar = new LocalCalendar(now);
  calendar.addMailbox({ address: ME, name: 'Avery Quinn', timeZone: 'Europe/Madrid', workingHours: HOURS });
  calendar.addMailbox({ address: COLLEAGUE, name: 'Sam Rivera', timeZone: 'Europe/Madrid', workingHours: HOURS });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-calendar-'));
  const certificate = await localhostCertificate(dataDir);
  const server = await startCalendarServer({ calendar, certificate, keys: issuer.keys, issuer: LOCAL_ISSUER, port: 0, host: '127.0.0.1', now });
  const dispatcher = new Agent({ connect: { ca: certificate.cert } });
  const tokenScopes: GraphScope[][] = [];
  return {
    calendar,
    server,
    tokenScopes,
    // `granted` limits what the issuer signs, whatever the client asks for: a consent that lacks a scope.
    client: (granted) =>
      createGraphClient({
        baseUrl: server.url,
        getToken: (scopes) => {
          tokenScopes.push(scopes);
          return issuer.issueGraphToken({ tenantId: 't', userId: 'u', email: ME, scopes: granted ? scopes.filter((scope) => granted.includes(scope)) : scopes });
        },
        fetchOptions: { dispatcher } as RequestInit,
        retry: { delaySeconds: 0.05, maxRetries: 3 },
      }),
    close: async () => {
      await server.close();
      await dispatcher.close();
    },
  };
}
