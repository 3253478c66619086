import type { z } from 'zod';
import { activityKind } from '../activities/activity.kind';
import { caseKind } from '../cases/case.kind';
import { companyKind } from '../companies/company.kind';
import { contactKind } from '../contacts/contact.kind';
import { dealKind } from '../deals/deal.kind';
import { documentKind } from '../documents/document.kind';
import { expenseKind } from '../expenses/expense.kind';
import { quoteKind } from '../quotes/quote.kind';
import { orderKind } from '../orders/order.kind';
import { contractKind } from '../contracts/contract.kind';
import { goalKind } from '../goals/goal.kind';
import { activityPlanKind } from '../activity-plans/activity-plan.kind';
import { commissionPlanKind } from '../commissions/commission-plan.kind';
import { commissionStatementKind } from '../commissions/commission-statement.kind';
import { pipelineKind } from '../deals/pipeline.kind';
import { webFormKind } from '../forms/web-form.kind';
import { leadKind } from '../leads/lead.kind';
import { memberKind } from '../members/member.kind';
import { productKind } from '../products/product.kind';
import { tenantSettingsKind } from '../settings/tenant-settings.kind';
import { territoryKind } from '../territories/territory.kind';
import { templateKind } from '../templates/template.kind';
import { threadKind } from '../threads/thread.kind';
import { tipKind } from '../tips/tip.kind';
import { surveyKind } from '../surveys/survey.kind';
import { articleKind } from '../knowledge/article.kind';
import { campaignKind } from '../campaigns/campaign.kind';
import { linkKind } from '../campaigns/link.kind';
import type { ApiDefinition, ReferenceDefinition } from './kind-definition';

/** Every kind of record Rapport stores, by name. Adding a kind starts here (docs/adding-a-record-kind.md). */
export const kinds = {
  company: companyKind,
  contact: contactKind,
  lead: leadKind,
  deal: dealKind,
  activity: activityKind,
  case: caseKind,
  product: productKind,
  territory: territoryKind,
  member: memberKind,
  pipeline: pipelineKind,
  form: webFormKind,
  settings: tenantSettingsKind,
  tip: tipKind,
  template: templateKind,
  thread: threadKind,
  document: documentKind,
  goal: goalKind,
  expense: expenseKind,
  quote: quoteKind,
  order: orderKind,
  contract: contractKind,
  article: articleKind,
  survey: surveyKind,
  campaign: campaignKind,
  link: linkKind,
  activityPlan: activityPlanKind,
  commissionPlan: commissionPlanKind,
  commissionStatement: commissionStatementKind,
} as const;

export type Kinds = typeof kinds;
export type RecordKind = keyof Kinds;
export const recordKinds = Object.keys(kinds) as [RecordKind, ...RecordKind[]];

/** A stored record of each kind. */
export type RecordOf = { [K in RecordKind]: z.infer<Kinds[K]['schema']> };
export type AnyRecord = RecordOf[RecordKind];

export type ApiOf<K extends RecordKind> = Kinds[K] extends { api: infer A extends ApiDefinition } ? A : never;
/** The kinds users write through `/api/{plural}`. */
export type CrudKind = { [K in RecordKind]: ApiOf<K> extends never ? never : K }[RecordKind];
export const crudKinds = recordKinds.filter((kind) => 'api' in kinds[kind]) as CrudKind[];
/** The API definition of a kind users write. */
export function apiOf<K extends CrudKind>(kind: K): ApiOf<K> {
  return (kinds[kind] as unknown as { api: ApiOf<K> }).api;
}
/** What a create of the kind takes, as parsed (defaults applied). */
export type InputOf<K extends CrudKind> = z.output<ApiOf<K>['input']>;
/** What a change of the kind takes, as parsed: a left-out field is kept, `null` clears an optional one. */
export type PatchOf<K extends CrudKind> = z.output<ApiOf<K>['patch']>;

// A reference to a kind that does not exist fails to compile here.
type ReferencedKind = { [K in RecordKind]: Kinds[K]['references'][number]['kind'] }[RecordKind];
export const everyReferenceNamesAKind: [ReferencedKind] extends [RecordKind] ? true : never = true;

/** The references of a kind, with the referenced kind typed. */
export function referencesOf(kind: RecordKind): readonly (ReferenceDefinition & { kind: RecordKind })[] {
  return kinds[kind].references as readonly (ReferenceDefinition & { kind: RecordKind })[];
}

/** The ids a reference holds in a record's fields: one id, a list of ids, or ids under `key` in a list of objects. */
export function referencedIds(reference: ReferenceDefinition, fields: Readonly<Record<string, unknown>>): string[] {
  const value = fields[reference.field];
  const values = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === null ? [] : [value];
  const ids = values.map((item) => (reference.key && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[reference.key] : item));
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

function titleFunction(kind: RecordKind): ((record: AnyRecord) => string) | undefined {
  return (kinds[kind] as { title?: (record: AnyRecord) => string }).title;
}

/** Whether records of a kind have a title, what they are called where they are shown (see `title` in the traits). */
export function isTitled(kind: RecordKind): boolean {
  return titleFunction(kind) !== undefined;
}

/** What a record is called where it is shown, or null for kinds never named. */
export function titleOf(kind: RecordKind, record: AnyRecord): string | null {
  return titleFunction(kind)?.(record) ?? null;
}
