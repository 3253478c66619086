// Run by bench/attachment-child.ts in a process of its own: the local Graph stand-in, holding the rep's mailbox and the
// large attachment, so the figure measured in the other process is the API's alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, type JWK } from 'jose';
import { LOG_MARKER_HEADER } from '@rapport/shared';
import { LOCAL_ISSUER } from '../functions/src/config';
import { startCalendarServer } from '../functions/src/local/calendar/calendar-server';
import { LocalCalendar } from '../functions/src/local/calendar/local-calendar';
import { localhostCertificate } from '../functions/src/local/calendar/local-certificate';
import { LocalMail } from '../functions/src/local/calendar/local-mail';

export type StandInRequest = { send: { from: string; to: string; marker: string; bytes: number } } | { stop: true };
export type StandInAnswer = { started: { url: string; ca: string } } | { sent: true };

async function main(): Promise<void> {
  const [jwksJson, tenantId, rep] = process.argv.slice(2);
  if (!jwksJson || !tenantId || !rep) throw new Error('usage: graph-stand-in-child <jwks> <tenant> <rep json>');
  const member = JSON.parse(rep) as { id: string; address: string; name: string };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-graph-'));
  let clock = new Date('2026-11-30T09:00:00Z');
  const now = () => clock;
  const calendar = new LocalCalendar(now);
  calendar.addMailbox({ ...member, tenantId, timeZone: 'UTC', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
  const mail = new LocalMail(calendar, now);
  const keys = createLocalJWKSet(JSON.parse(jwksJson) as { keys: JWK[] });
  const server = await startCalendarServer({ calendar, mail, certificate: await localhostCertificate(dataDir), keys, issuer: LOCAL_ISSUER, port: 0, host: '127.0.0.1', now });
  const answer = (message: StandInAnswer) => process.send?.(message);
  process.on('message', (request: StandInRequest) => {
    if ('stop' in request) {
      void server.close().then(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
      return;
    }
    const { from, to, marker, bytes } = request.send;
    mail.send(from, {
      subject: 'The drawings',
      body: { contentType: 'text', content: 'Attached.' },
      toRecipients: [{ address: to }],
      internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: marker }],
      attachments: [{ name: 'drawings.pdf', contentType: 'application/pdf', isInline: false, contentBytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)]) }],
    });
    clock = new Date(clock.getTime() + 60_000);
    answer({ sent: true });
  });
  answer({ started: { url: server.url, ca: server.ca } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
