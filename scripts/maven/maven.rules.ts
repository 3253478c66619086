import { companySegmentForDeal, lineItemsTotal, matchName, slugOf, type Company, type Deal, type LineItem, type Member, type Pipeline, type PipelineStage, type Product, type Territory } from '@rapport/shared';

/**
 * The Maven Analytics CRM sample (accounts, products, sales teams, 8,800 opportunities) turned into Rapport's
 * records. Ids are derived from the sample's own keys, so importing it again finds the records it made.
 * Its faults are read the way a person would read them, and each is reported with the rows it touched.
 */

/** A CSV row as `header → cell`, with the line it was read from. */
export type SourceRow = { line: number; values: Record<string, string> };
export type MavenFiles = { accounts: SourceRow[]; products: SourceRow[]; teams: SourceRow[]; pipeline: SourceRow[] };

/** Something in the data that was not as it should be, how it was read, and where (the first lines). */
export type ImportFault = { code: string; file: string; message: string; count: number; lines: number[] };

export type MavenPlan = {
  companies: Company[];
  products: Product[];
  members: Member[];
  territories: Territory[];
  deals: Deal[];
  /** The tenant's pipeline with the sample's stages it lacked added, or null when it has them all. */
  pipeline: Pipeline | null;
  faults: ImportFault[];
  /** Rows not imported, with the reason, per file. */
  rejected: number;
};

export type MavenContext = { tenantId: string; actorId: string; now: string; pipeline: Pipeline };

export const MAVEN_FILES = { accounts: 'accounts.csv', products: 'products.csv', teams: 'sales_teams.csv', pipeline: 'sales_pipeline.csv' } as const;

/** Industries as a CRM lists them; the sample's sectors are read against these. */
export const knownIndustries = [
  'technology',
  'medical',
  'retail',
  'software',
  'entertainment',
  'marketing',
  'telecommunications',
  'finance',
  'services',
  'employment',
] as const;

const MAX_FAULT_LINES = 10;
const REVENUE_UNIT = 1_000_000; // the sample's revenue is in millions of dollars

export const mavenId = {
  company: (name: string) => `mvn-company-${slugOf(name)}`,
  product: (name: string) => `mvn-product-${slugOf(name)}`,
  member: (name: string) => `mvn-member-${slugOf(name)}`,
  territory: (office: string) => `mvn-territory-${slugOf(office)}`,
  deal: (opportunityId: string) => `mvn-deal-${slugOf(opportunityId)}`,
};

class Faults {
  private readonly byKey = new Map<string, ImportFault>();
  rejected = 0;

  add(code: string, file: string, message: string, line: number): void {
    const key = `${code}|${file}|${message}`;
    const fault = this.byKey.get(key) ?? { code, file, message, count: 0, lines: [] };
    fault.count++;
    if (fault.lines.length < MAX_FAULT_LINES) fault.lines.push(line);
    this.byKey.set(key, fault);
  }

  reject(code: string, file: string, message: string, line: number): void {
    this.rejected++;
    this.add(code, file, message, line);
  }

  list(): ImportFault[] {
    return [...this.byKey.values()];
  }
}

const cell = (row: SourceRow, name: string): string => (row.values[name] ?? '').trim();
const dateOf = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null);
const moneyOf = (value: string): number | null => {
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  return Math.round(Number(value) * 100) / 100;
};

export function planMavenImport(files: MavenFiles, context: MavenContext): MavenPlan {
  const faults = new Faults();
  const system = (id: string, createdAt = context.now) => ({
    tenantId: context.tenantId,
    id,
    createdAt,
    createdBy: context.actorId,
    updatedAt: createdAt,
    updatedBy: context.actorId,
    ownerId: context.actorId,
    version: 1,
  });

  const products = planProducts(files.products, faults, system);
  const { members, territories } = planTeams(files.teams, faults, system);
  const { pipeline, stageFor } = planStages(files.pipeline, context.pipeline, faults);
  const companies = planCompanies(files.accounts, faults, system);
  const engagingStage = (stageFor('Engaging') ?? firstOpenStage(pipeline ?? context.pipeline)).id;

  const productChoices = products.map((product) => ({ name: product.name, value: product }));
  const companyChoices = companies.map((company) => ({ name: company.name, value: company }));
  const memberByName = new Map(members.map((member) => [member.displayName, member]));
  const deals: Deal[] = [];
  const seen = new Set<string>();
  const won = new Set<string>();
  for (const row of files.pipeline) {
    const file = MAVEN_FILES.pipeline;
    const opportunity = cell(row, 'opportunity_id');
    if (!opportunity) {
      faults.reject('ROW_WITHOUT_ID', file, 'no opportunity_id: row skipped', row.line);
      continue;
    }
    if (seen.has(opportunity)) {
      faults.reject('DUPLICATE_ID', file, `opportunity_id appears more than once: later rows skipped`, row.line);
      continue;
    }
    seen.add(opportunity);
    const productName = cell(row, 'product');
    const product = matchName(productName, productChoices);
    if (!product) {
      faults.reject('UNKNOWN_PRODUCT', file, `product "${productName}" is not in products.csv: row skipped`, row.line);
      continue;
    }
    if (product.how !== 'exact') faults.add('PRODUCT_NAME_MATCHED', file, `product "${productName}" read as the catalog's "${product.value.name}"`, row.line);
    const stage = stageFor(cell(row, 'deal_stage'));
    if (!stage) {
      faults.reject('UNKNOWN_STAGE', file, `deal_stage "${cell(row, 'deal_stage')}" is empty: row skipped`, row.line);
      continue;
    }
    const agentName = cell(row, 'sales_agent');
    const agent = memberByName.get(agentName);
    if (!agent) faults.add('UNKNOWN_AGENT', file, `sales agent "${agentName}" is not in sales_teams.csv: the deal is the importer's`, row.line);

    const accountName = cell(row, 'account');
    let company: Company | undefined;
    if (!accountName) {
      faults.add('DEAL_WITHOUT_ACCOUNT', file, 'no account: the deal is imported without a company', row.line);
    } else {
      const match = matchName(accountName, companyChoices);
      if (!match) faults.add('UNKNOWN_ACCOUNT', file, `account "${accountName}" is not in accounts.csv: the deal is imported without a company`, row.line);
      else {
        company = match.value;
        if (match.how !== 'exact') faults.add('ACCOUNT_NAME_MATCHED', file, `account "${accountName}" read as "${match.value.name}"`, row.line);
      }
    }

    const engaged = dateOf(cell(row, 'engage_date'));
    const closed = dateOf(cell(row, 'close_date'));
    const closeValue = moneyOf(cell(row, 'close_value'));
    if (cell(row, 'engage_date') && !engaged) faults.add('BAD_DATE', file, `engage_date "${cell(row, 'engage_date')}" is not a date: left out`, row.line);
    if (stage.kind === 'open' && !closed && closeValue === null) {
      faults.add('OPEN_DEAL_WITHOUT_CLOSE', file, 'open deal without close_date or close_value: valued at the catalog price, no expected close', row.line);
    }
    if (stage.kind !== 'open' && !closed) {
      faults.reject('CLOSED_WITHOUT_DATE', file, `a ${stage.name} deal without a valid close_date: row skipped`, row.line);
      continue;
    }
    // The price it sold at is the close value; a lost deal's 0 says nothing was sold, so it keeps the list price.
    const soldAt = stage.kind === 'won' && closeValue !== null ? closeValue : product.value.unitPrice;
    const lineItems: LineItem[] = [{ productId: product.value.id, quantity: 1, unitPrice: soldAt, discountPercent: 0 }];
    const createdAt = engaged ? `${engaged}T00:00:00.000Z` : context.now;
    const closedAt = stage.kind !== 'open' && closed ? `${closed}T00:00:00.000Z` : undefined;
    // A closed deal was engaging from its engage date until it closed.
    const stageHistory = closedAt
      ? [{ stage: engagingStage, enteredAt: createdAt }, { stage: stage.id, enteredAt: closedAt }]
      : [{ stage: stage.id, enteredAt: createdAt }];
    const deal: Deal = {
      ...system(mavenId.deal(opportunity), createdAt),
      updatedAt: closedAt ?? createdAt,
      ownerId: agent?.id ?? context.actorId,
      name: `${company?.name ?? 'No account'} · ${product.value.name}`,
      contactIds: [],
      amount: lineItemsTotal(lineItems, 'USD'),
      amountSetByHand: false,
      currency: 'USD',
      stage: stage.id,
      probability: stage.probability,
      lineItems,
      status: stage.kind,
      stageHistory,
      ...(company ? { companyId: company.id } : {}),
      ...(closedAt ? { closedAt } : {}),
    };
    if (stage.kind === 'won' && company) won.add(company.id);
    deals.push(deal);
  }
  for (const company of companies) if (won.has(company.id)) company.type = 'customer';
  // A won deal keeps its company's segment, as the deal's hooks give it on a write (the import stores deals whole).
  const companyById = new Map(companies.map((company) => [company.id, company]));
  for (const deal of deals) {
    const companySegment = companySegmentForDeal(deal, deal.companyId ? companyById.get(deal.companyId) : undefined, undefined);
    if (companySegment) deal.companySegment = companySegment;
  }

  return { companies, products, members, territories, deals, pipeline, faults: faults.list(), rejected: faults.rejected };
}

type SystemOf = (id: string, createdAt?: string) => Omit<Member, 'displayName' | 'role'>;

function planProducts(rows: SourceRow[], faults: Faults, system: SystemOf): Product[] {
  const products: Product[] = [];
  for (const row of rows) {
    const name = cell(row, 'product');
    const price = moneyOf(cell(row, 'sales_price'));
    if (!name || price === null) {
      faults.reject('BAD_PRODUCT', MAVEN_FILES.products, 'a product without a name or a price: row skipped', row.line);
      continue;
    }
    const series = cell(row, 'series');
    products.push({ ...system(mavenId.product(name)), name, unitPrice: price, currency: 'USD', active: true, ...(series ? { series } : {}) });
  }
  return products;
}

function planTeams(rows: SourceRow[], faults: Faults, system: SystemOf): { members: Member[]; territories: Territory[] } {
  const managers = new Map<string, Member>();
  const reps: Member[] = [];
  const byOffice = new Map<string, string[]>();
  for (const row of rows) {
    const [name, manager, office] = [cell(row, 'sales_agent'), cell(row, 'manager'), cell(row, 'regional_office')];
    if (!name) {
      faults.reject('BAD_MEMBER', MAVEN_FILES.teams, 'a row without a sales agent: skipped', row.line);
      continue;
    }
    const rep: Member = { ...system(mavenId.member(name)), displayName: name, role: 'rep' };
    if (office) rep.office = office;
    if (manager) {
      rep.team = manager;
      rep.managerId = mavenId.member(manager);
      if (!managers.has(manager)) {
        managers.set(manager, { ...system(mavenId.member(manager)), displayName: manager, role: 'manager', team: manager, ...(office ? { office } : {}) });
      }
    }
    reps.push(rep);
    if (office) byOffice.set(office, [...(byOffice.get(office) ?? []), rep.id]);
  }
  for (const member of [...reps, ...managers.values()]) member.ownerId = member.id;
  const territories: Territory[] = [...byOffice].map(([office, repIds]) => ({
    ...system(mavenId.territory(office)),
    name: office,
    countries: [],
    regions: [],
    cities: [],
    postalCodePrefixes: [],
    repIds,
  }));
  return { members: [...managers.values(), ...reps], territories };
}

/** The sample's stages in the order a deal moves through them. */
const MAVEN_STAGE_ORDER = ['Prospecting', 'Engaging', 'Won', 'Lost'];

/** Each of the sample's stages read as one of the tenant's (by name); one it lacks is added after the stage before it. */
function planStages(rows: SourceRow[], current: Pipeline, faults: Faults): { pipeline: Pipeline | null; stageFor: (name: string) => PipelineStage | undefined } {
  const stages = [...current.stages];
  const byName = new Map<string, PipelineStage>();
  const lines = new Map<string, number>();
  for (const row of rows) {
    const name = cell(row, 'deal_stage');
    if (name && !lines.has(name)) lines.set(name, row.line);
  }
  const names = [...lines.keys()].sort((a, b) => rank(a) - rank(b));
  let previous: PipelineStage | undefined;
  for (const name of names) {
    const match = matchName(name, stages.map((stage) => ({ name: stage.name, value: stage })));
    let stage = match?.value;
    if (!stage) {
      stage = insertOpenStage(stages, name, previous);
      faults.add('STAGE_ADDED', MAVEN_FILES.pipeline, `stage "${name}" is not in the pipeline: added as an open stage after "${previous?.name ?? 'the start'}"`, lines.get(name) ?? 0);
    }
    byName.set(name, stage);
    if (stage.kind === 'open') previous = stage;
  }
  return { pipeline: stages.length > current.stages.length ? { stages } : null, stageFor: (name) => byName.get(name) };
}

const rank = (name: string) => {
  const at = MAVEN_STAGE_ORDER.indexOf(name);
  return at < 0 ? MAVEN_STAGE_ORDER.length : at;
};

/** A new open stage right after `after` (else after the last open one), its probability between its neighbours'. */
function insertOpenStage(stages: PipelineStage[], name: string, after: PipelineStage | undefined): PipelineStage {
  const lastOpen = stages.reduce((index, stage, at) => (stage.kind === 'open' ? at : index), -1);
  const at = after ? stages.indexOf(after) : lastOpen;
  const before = stages[at];
  const next = stages[at + 1];
  const low = before?.probability ?? 0;
  const high = next && next.kind === 'open' ? next.probability : 100;
  const probability = Math.min(99, Math.max(1, Math.round((low + high) / 2)));
  let id = slugOf(name, 60);
  while (stages.some((stage) => stage.id === id)) id = `${id}-x`;
  const stage: PipelineStage = { id, name, probability, kind: 'open' };
  stages.splice(at + 1, 0, stage);
  return stage;
}

function firstOpenStage(pipeline: Pipeline): PipelineStage {
  const stage = pipeline.stages.find((candidate) => candidate.kind === 'open') ?? pipeline.stages[0];
  if (!stage) throw new Error('a pipeline has at least one stage');
  return stage;
}

function planCompanies(rows: SourceRow[], faults: Faults, system: SystemOf): Company[] {
  const file = MAVEN_FILES.accounts;
  const companies: Company[] = [];
  const industries = knownIndustries.map((name) => ({ name, value: name }));
  for (const row of rows) {
    const name = cell(row, 'account');
    if (!name) {
      faults.reject('BAD_ACCOUNT', file, 'an account without a name: row skipped', row.line);
      continue;
    }
    const company: Company = { ...system(mavenId.company(name)), name, domains: [], phones: [], type: 'prospect' };
    const sector = cell(row, 'sector');
    if (sector) {
      const industry = matchName(sector.toLowerCase(), industries);
      if (industry && industry.how !== 'exact') faults.add('SECTOR_CORRECTED', file, `sector "${sector}" read as "${industry.value}"`, row.line);
      company.industry = industry?.value ?? sector;
    }
    const revenue = moneyOf(cell(row, 'revenue'));
    if (revenue !== null) company.annualRevenue = Math.round(revenue * REVENUE_UNIT * 100) / 100;
    const employees = Number(cell(row, 'employees'));
    if (cell(row, 'employees') && Number.isInteger(employees) && employees >= 0) company.employees = employees;
    const country = cell(row, 'office_location');
    if (country) company.address = { country };
    const parent = cell(row, 'subsidiary_of');
    if (parent) company.parentCompanyId = mavenId.company(parent);
    companies.push(company);
  }
  const ids = new Set(companies.map((company) => company.id));
  for (const company of companies) {
    if (company.parentCompanyId && !ids.has(company.parentCompanyId)) {
      faults.add('UNKNOWN_PARENT', file, `subsidiary_of names a company not in accounts.csv: left out`, 0);
      delete company.parentCompanyId;
    }
  }
  return companies;
}
