import fs from 'node:fs';
import path from 'node:path';
import type { Contact } from '@rapport/shared';
import { generateDemoData, type DemoSize } from '../functions/src/local/demo/demo-data';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';

export const BENCH_TENANT_ID = 'bench-tenant';

/** The demo's proportions for a tenant of `contacts`: a company per 10 contacts, a deal per 5, 2 activities per contact. */
export function benchTenantSize(contacts: number, cases = contacts / 50): DemoSize {
  return { companies: Math.max(50, contacts / 10), contacts, deals: contacts / 5, activities: contacts * 2, cases };
}

export type BenchTenant = { dataDir: string; contacts: Contact[]; buildSeconds: number };

/** A tenant of the given number of contacts in a fresh SQLite file, in the demo's proportions. */
export async function buildTenant(contacts: number, dataDir: string): Promise<BenchTenant> {
  const started = process.hrtime.bigint();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const data = generateDemoData({
    now: new Date('2026-11-23T00:00:00Z'),
    tenantId: BENCH_TENANT_ID,
    size: benchTenantSize(contacts),
  });
  const store = SqliteStore.open(path.join(dataDir, 'rapport.db'));
  await store.createMany('member', data.members);
  await store.createMany('company', data.companies);
  await store.createMany('contact', data.contacts);
  await store.createMany('deal', data.deals);
  await store.createMany('activity', data.activities);
  await store.createMany('case', data.cases.map((serviceCase, index) => ({ ...serviceCase, number: index + 1 })));
  await store.close();
  return { dataDir, contacts: data.contacts, buildSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The participants of a typical e-mail: two known contacts and one stranger at a known company. */
export function participantsFor(contacts: Contact[], index: number): string[] {
  const pick = (offset: number) => contacts[(index * 7919 + offset * 104_729) % contacts.length] as Contact;
  const first = pick(1);
  const second = pick(2);
  const strangerDomain = (pick(3).emails[0] ?? 'x@example.com').split('@')[1];
  return [`"${first.lastName}, ${first.firstName}" <${first.emails[0]}>`, second.emails[0] as string, `new.person${index}@${strangerDomain}`];
}
