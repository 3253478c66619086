import { createHash } from 'node:crypto';
import {
  campaignNameKey,
  campaignNameRef,
  CrmError,
  companyDomainOf,
  companyNameKey,
  contactInputOfRow,
  leadInputOfRow,
  normalizeEmail,
  type Company,
  type Contact,
  type ImportBatch,
  type ImportBatchResult,
  type ImportKind,
  type InputOf,
  type Lead,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { campaignIdForName } from '../campaigns/campaign-ids';
import type { Draft } from '../kinds/kind-hooks';
import type { RecordOf, Store } from '../store/store';
import { findCompanyFor } from './company-matching';
import type { Clock, RecordWriter } from './record-writer';

type Rejected = ImportBatchResult['rejected'][number];
type Person = Lead | Contact;
type Accepted = { line: number; input: InputOf<ImportKind>; email: string | null; companyName?: string | undefined };

const emailOf = (kind: ImportKind, input: InputOf<ImportKind>): string | null => {
  const raw = kind === 'lead' ? (input as InputOf<'lead'>).email : (input as InputOf<'contact'>).emails[0];
  return raw ? normalizeEmail(raw) : null;
};

/**
 * Imports rows of a CSV file, a batch at a time, as leads or contacts. A row whose e-mail a record of the kind
 * already has (or an earlier row of the file) fills in that record's blank fields instead of making a duplicate.
 * A row's id comes from the import and its line, so a batch sent again creates nothing twice.
 */
export class CsvImportService {
  constructor(private readonly deps: { store: Store; writer: RecordWriter; now: Clock }) {}

  async importBatch(principal: Principal, kind: ImportKind, batch: ImportBatch): Promise<ImportBatchResult> {
    const { store } = this.deps;
    const tenantId = principal.tenantId;
    const rejected: Rejected[] = [];
    const idOf = (line: number) => `imp-${batch.importId}-${line}`;

    const accepted: Accepted[] = [];
    for (const row of batch.rows) {
      const read = kind === 'lead' ? leadInputOfRow(row.values as Record<string, string>) : contactInputOfRow(row.values as Record<string, string>);
      if (!read.ok) rejected.push({ line: row.line, field: read.field, reason: read.reason });
      else accepted.push({ line: row.line, input: read.input as InputOf<ImportKind>, email: emailOf(kind, read.input as InputOf<ImportKind>), companyName: read.companyName });
    }

    // Rows a first sending of this batch already made.
    const madeBefore = new Set((await store.getMany(kind, tenantId, accepted.map((row) => idOf(row.line)))).map((record) => record.id));
    let created = madeBefore.size;
    const pending = accepted.filter((row) => !madeBefore.has(idOf(row.line)));

    if (kind === 'lead') await this.nameCampaignsById(principal, pending.map((row) => row.input as InputOf<'lead'>));

    const emails = [...new Set(pending.map((row) => row.email).filter((email): email is string => email !== null))];
    const people = emails.length > 0 ? await store.findPeopleByEmails(tenantId, emails) : { contacts: new Map<string, string[]>(), leads: new Map<string, string[]>() };
    const sameKind = kind === 'lead' ? people.leads : people.contacts;
    const existingIds = [...new Set(emails.flatMap((email) => sameKind.get(email)?.slice(0, 1) ?? []))];
    const existing = new Map((await store.getMany(kind, tenantId, existingIds)).map((record) => [record.id, record as Person]));

    const { writer } = this.deps;
    // One read of the pipeline and territories for the whole batch.
    const lookups = writer.lookupsFor(tenantId);
    const companies = new CompanyResolver(store, principal, batch.importId, writer);
    if (kind === 'contact') await companies.resolve(pending.filter((row) => !row.email || !sameKind.has(row.email)));
    const fresh: Person[] = [];
    const freshByEmail = new Map<string, Person>();
    const changed = new Map<string, { before: Person; after: Person; lines: number[] }>();
    let merged = 0;
    for (const row of pending) {
      const email = row.email;
      if (kind === 'lead' && email && (people.contacts.get(email)?.length ?? 0) > 0) {
        rejected.push({ line: row.line, field: 'email', reason: `E-mail "${email}" is already a contact's: no lead is made for a contact` });
        continue;
      }
      const earlierRow = email ? freshByEmail.get(email) : undefined;
      if (earlierRow) {
        fillBlanks(earlierRow, row.input);
        merged++;
        continue;
      }
      const knownId = email ? sameKind.get(email)?.[0] : undefined;
      const known = knownId ? (changed.get(knownId)?.after ?? existing.get(knownId)) : undefined;
      if (known) {
        const after = structuredClone(known);
        if (fillBlanks(after, row.input)) {
          const entry = changed.get(known.id) ?? { before: existing.get(known.id) as Person, after, lines: [] };
          entry.after = after;
          entry.lines.push(row.line);
          changed.set(known.id, entry);
        }
        merged++;
        continue;
      }
      try {
        const input = { ...row.input } as InputOf<ImportKind>;
        if (kind === 'contact' && row.companyName) {
          const company = companies.companyOf(row.email, row.companyName);
          if (company) (input as InputOf<'contact'>).companyId = company.id;
        }
        const { ownerId, ...fields } = input as InputOf<ImportKind> & { ownerId?: string };
        const record: Person = await writer.build(kind, principal, fields as Draft<ImportKind>, { id: idOf(row.line), ownerId, lookups });
        fresh.push(record);
        if (email) freshByEmail.set(email, record);
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        rejected.push({ line: row.line, field: '', reason: error.message });
      }
    }

    await writer.addMany(kind, fresh as RecordOf[ImportKind][]);
    created += fresh.length;
    for (const { before, after, lines } of changed.values()) {
      try {
        await writer.change(kind, principal, before as RecordOf[ImportKind], filledFields(before, after), { lookups });
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        merged -= lines.length;
        // Someone changed the record meanwhile: their change stands; these rows can be imported again. Any other refusal
        // (a rule of the kind) is the rows' own, said as it is.
        const reason = error.category === 'precondition-failed' ? 'The record with this e-mail changed while importing; import this row again' : error.message;
        for (const line of lines) rejected.push({ line, field: error.category === 'precondition-failed' ? 'email' : '', reason });
      }
    }
    rejected.sort((a, b) => a.line - b.line);
    return { created, merged, rejected, companiesCreated: companies.createdCount };
  }

  /**
   * Gives rows that name a campaign in words its id: the tenant's campaign of that name, or one the import makes (an
   * active campaign of the importer's, under the id that name always gets, so a retried batch or two imports make one).
   */
  private async nameCampaignsById(principal: Principal, inputs: InputOf<'lead'>[]): Promise<void> {
    const { store, writer } = this.deps;
    const ids = new Map<string, string>();
    for (const input of inputs) {
      const name = input.campaign;
      if (!name || input.campaignId) continue;
      const key = campaignNameKey(name);
      let id = ids.get(key);
      if (!id) {
        const found = await store.findByExternalRef('campaign', principal.tenantId, campaignNameRef(name));
        id = found?.id ?? campaignIdForName(name);
        if (!found) await writer.addOnce('campaign', principal, { name, channel: 'other', status: 'active' }, { id, origin: 'system' });
        ids.set(key, id);
      }
      input.campaignId = id;
      delete input.campaign;
    }
  }
}

/** The fields `fillBlanks` filled in: what a merge changes. */
function filledFields(before: Person, after: Person): Record<string, unknown> {
  const was = before as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => was[key] === undefined || JSON.stringify(was[key]) !== JSON.stringify(value)));
}

/** Fills the record's blank fields from a row's input; true when something changed. */
function fillBlanks(record: Person, input: InputOf<ImportKind>): boolean {
  const target = record as unknown as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'source' || key === 'status') continue;
    const current = target[key];
    const blank = current === undefined || current === '' || (Array.isArray(current) && current.length === 0);
    if (blank && !(Array.isArray(value) && value.length === 0)) {
      target[key] = value;
      changed = true;
    }
  }
  return changed;
}

/**
 * The companies of imported contacts: found by the e-mail's domain or by name, else made (once per name, with an
 * id a retried batch finds), all written before the contacts that point at them.
 */
class CompanyResolver {
  private readonly byName = new Map<string, Company>();
  private readonly byDomain = new Map<string, Company>();
  createdCount = 0;

  constructor(
    private readonly store: Store,
    private readonly principal: Principal,
    private readonly importId: string,
    private readonly writer: RecordWriter,
  ) {}

  /** Finds or makes the company of every row that names one. */
  async resolve(rows: readonly { email: string | null; companyName?: string | undefined }[]): Promise<void> {
    const named = rows.filter((row): row is { email: string | null; companyName: string } => Boolean(row.companyName));
    await this.readDomains(named.map((row) => row.email ?? undefined));
    const made: Company[] = [];
    for (const row of named) {
      if (this.companyOf(row.email, row.companyName)) continue;
      const key = this.keyOf(row.companyName);
      const id = `imp-${this.importId}-co-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
      // Found by name (domains were read already), else made by an earlier batch of this import, else new.
      const found =
        (await findCompanyFor(this.store, this.principal.tenantId, { companyName: row.companyName })) ?? (await this.store.get('company', this.principal.tenantId, id));
      const domain = companyDomainOf(row.email ?? undefined);
      const company = found ?? (await this.writer.build('company', this.principal, { name: row.companyName, domains: domain ? [domain] : [], phones: [], type: 'prospect' }, { id }));
      if (!found) made.push(company);
      this.byName.set(key, company);
      if (domain && !found) this.byDomain.set(domain, company);
    }
    await this.write(made);
  }

  /** The company found or made for a row by `resolve`. */
  companyOf(email: string | null, name: string): Company | undefined {
    const domain = companyDomainOf(email ?? undefined);
    return (domain ? this.byDomain.get(domain) : undefined) ?? this.byName.get(this.keyOf(name));
  }

  private keyOf(name: string): string {
    return companyNameKey(name) || name.toLowerCase();
  }

  private async readDomains(emails: readonly (string | undefined)[]): Promise<void> {
    const domains = [...new Set(emails.map(companyDomainOf).filter((domain): domain is string => domain !== null))];
    if (domains.length === 0) return;
    const found = await this.store.findCompanyIdsByDomains(this.principal.tenantId, domains);
    const firstIds = [...new Set([...found.values()].map((ids) => ids[0]).filter((id): id is string => id !== undefined))];
    const companies = new Map((await this.store.getMany('company', this.principal.tenantId, firstIds)).map((company) => [company.id, company]));
    for (const [domain, ids] of found) {
      const company = ids[0] ? companies.get(ids[0]) : undefined;
      if (company) this.byDomain.set(domain, company);
    }
  }

  private async write(companies: Company[]): Promise<void> {
    try {
      await this.writer.addMany('company', companies);
      this.createdCount += companies.length;
      return;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    // Another batch of the same import, sent at the same time, made some of them first.
    for (const company of companies) {
      try {
        await this.writer.addMany('company', [company]);
        this.createdCount++;
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
    }
  }
}

const isAlreadyExists = (error: unknown) => error instanceof CrmError && error.code === 'RECORD.ALREADY_EXISTS';
