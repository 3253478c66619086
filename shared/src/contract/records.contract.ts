import { z } from 'zod';
import { ActivityInputSchema, ActivityPatchSchema, ActivitySchema } from '../activities/activity.schema';
import { CaseInputSchema, CasePatchSchema, CaseSchema } from '../cases/case.schema';
import type { RecordKind } from '../common/record.schema';
import { CompanyInputSchema, CompanyPatchSchema, CompanySchema } from '../companies/company.schema';
import { ContactInputSchema, ContactPatchSchema, ContactSchema } from '../contacts/contact.schema';
import { DealInputSchema, DealPatchSchema, DealSchema } from '../deals/deal.schema';
import { LeadInputSchema, LeadPatchSchema, LeadSchema } from '../leads/lead.schema';
import { ProductInputSchema, ProductPatchSchema, ProductSchema } from '../products/product.schema';
import { WebFormInputSchema, WebFormPatchSchema, WebFormSchema } from '../forms/web-form.schema';
import { TerritoryInputSchema, TerritoryPatchSchema, TerritorySchema } from '../territories/territory.schema';
import { IdParamsSchema, PageQuerySchema, pageOf } from './common.schema';
import { MyDayQuerySchema } from './my-day.schema';
import { AuditEntrySchema } from '../audit/audit.schema';
import { RESTORE_WINDOW_DAYS } from '../audit/audit.rules';
import { defineRoute, type ApiRoute } from './route';

const IdFilter = z.string().min(1).max(64).optional();

/** Creating a contact whose e-mail another contact has answers 409 CONTACT.DUPLICATE_EMAIL unless `duplicates=allow`. */
export const ContactCreateQuerySchema = z.strictObject({ duplicates: z.enum(['warn', 'allow']).default('warn') });

/** What needs attention on a record: its planned activities (tasks, calls, meetings) by when they are due. */
export const WorkCountersSchema = z
  .object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    /** Due after today. */
    planned: z.number().int(),
    /** True when the record has more planned work than one answer counts (the counts are then lower bounds). */
    capped: z.boolean(),
  })
  .meta({ id: 'WorkCounters' });
export type WorkCounters = z.infer<typeof WorkCountersSchema>;

/** The resources with full create, read, update and delete over the API. */
export const crudResources = {
  company: {
    plural: 'companies',
    label: 'Company',
    schema: CompanySchema,
    input: CompanyInputSchema,
    patch: CompanyPatchSchema,
    filters: { ownerId: IdFilter },
    timeline: true,
  },
  contact: {
    plural: 'contacts',
    label: 'Contact',
    schema: ContactSchema,
    input: ContactInputSchema,
    patch: ContactPatchSchema,
    createQuery: ContactCreateQuerySchema,
    filters: { ownerId: IdFilter, companyId: IdFilter },
    timeline: true,
  },
  deal: {
    plural: 'deals',
    label: 'Deal',
    schema: DealSchema,
    input: DealInputSchema,
    patch: DealPatchSchema,
    filters: { ownerId: IdFilter, companyId: IdFilter, contactId: IdFilter },
    timeline: true,
  },
  activity: {
    plural: 'activities',
    label: 'Activity',
    schema: ActivitySchema,
    input: ActivityInputSchema,
    patch: ActivityPatchSchema,
    filters: { ownerId: IdFilter },
    timeline: false,
  },
  lead: {
    plural: 'leads',
    label: 'Lead',
    schema: LeadSchema,
    input: LeadInputSchema,
    patch: LeadPatchSchema,
    filters: { ownerId: IdFilter },
    timeline: true,
  },
  product: {
    plural: 'products',
    label: 'Product',
    schema: ProductSchema,
    input: ProductInputSchema,
    patch: ProductPatchSchema,
    filters: {},
    timeline: false,
    // The catalog is a setting: everyone reads it, admins keep it.
    writeRole: 'admin',
  },
  territory: {
    plural: 'territories',
    label: 'Territory',
    schema: TerritorySchema,
    input: TerritoryInputSchema,
    patch: TerritoryPatchSchema,
    filters: {},
    timeline: false,
    // Territories are settings: everyone reads them, admins keep them.
    writeRole: 'admin',
  },
  form: {
    plural: 'forms',
    label: 'Web form',
    schema: WebFormSchema,
    input: WebFormInputSchema,
    patch: WebFormPatchSchema,
    filters: {},
    timeline: false,
    // Web forms are settings: admins make and revoke them.
    writeRole: 'admin',
  },
  case: {
    plural: 'cases',
    label: 'Case',
    schema: CaseSchema,
    input: CaseInputSchema,
    patch: CasePatchSchema,
    filters: { ownerId: IdFilter, companyId: IdFilter, contactId: IdFilter },
    timeline: true,
  },
} as const;

export type CrudKind = keyof typeof crudResources;
export const crudKinds = Object.keys(crudResources) as CrudKind[];

/** The link filters a list accepts, e.g. `?companyId=` lists a company's contacts. */
export const linkFilters = { companyId: 'company', contactId: 'contact', dealId: 'deal' } as const satisfies Record<
  string,
  RecordKind
>;

function recordRoutes<K extends CrudKind>(kind: K) {
  const resource = crudResources[kind];
  const { plural, label, schema } = resource;
  const base = `/api/${plural}`;
  const writeAccess = 'writeRole' in resource ? ({ role: resource.writeRole, allows: kind === 'product' ? 'change the product catalog' : kind === 'form' ? 'change web forms' : `change ${plural}` } as const) : {};
  return {
    list: defineRoute({
      name: `list-${plural}`,
      method: 'GET',
      path: base,
      summary: `List ${plural}, newest first`,
      tag: label,
      auth: 'user',
      query: PageQuerySchema.extend(resource.filters),
      success: { status: 200, schema: pageOf(schema), description: `A page of ${plural}` },
    }),
    create: defineRoute({
      name: `create-${kind}`,
      method: 'POST',
      path: base,
      summary: `Create a ${kind}`,
      tag: label,
      auth: 'user',
      ...writeAccess,
      ...('createQuery' in resource ? { query: resource.createQuery } : {}),
      body: resource.input,
      success: { status: 201, schema, description: `The ${kind} as stored; ETag carries its version` },
      errors: 'createQuery' in resource ? [409, 413, 422] : [413, 422],
      idempotent: true,
    }),
    get: defineRoute({
      name: `get-${kind}`,
      method: 'GET',
      path: `${base}/{id}`,
      summary: `Read a ${kind}`,
      tag: label,
      auth: 'user',
      params: IdParamsSchema,
      success: { status: 200, schema, description: `The ${kind}; ETag carries its version` },
    }),
    update: defineRoute({
      name: `update-${kind}`,
      method: 'PATCH',
      path: `${base}/{id}`,
      summary: `Change some fields of a ${kind} (null clears an optional field)`,
      tag: label,
      auth: 'user',
      ...writeAccess,
      params: IdParamsSchema,
      body: resource.patch,
      success: { status: 200, schema, description: `The ${kind} after the change` },
      errors: [412, 413, 422, 428],
      ifMatch: true,
    }),
    delete: defineRoute({
      name: `delete-${kind}`,
      method: 'DELETE',
      path: `${base}/{id}`,
      summary: `Delete a ${kind} (soft: it can be restored)`,
      tag: label,
      auth: 'user',
      ...writeAccess,
      params: IdParamsSchema,
      success: { status: 204, description: 'Deleted' },
      errors: [412, 428],
      ifMatch: true,
    }),
    history: defineRoute({
      name: `${kind}-history`,
      method: 'GET',
      path: `${base}/{id}/history`,
      summary: `Every change of a ${kind}: who, when, each field before and after; newest first (deleted ${plural} too)`,
      tag: label,
      auth: 'user',
      params: IdParamsSchema,
      query: PageQuerySchema,
      success: { status: 200, schema: pageOf(AuditEntrySchema), description: 'A page of the audit trail' },
    }),
    restore: defineRoute({
      name: `restore-${kind}`,
      method: 'POST',
      path: `${base}/{id}/restore`,
      summary: `Restore a deleted ${kind}, within ${RESTORE_WINDOW_DAYS} days of its deletion (If-Match: the deleted version)`,
      tag: label,
      auth: 'user',
      ...writeAccess,
      params: IdParamsSchema,
      success: { status: 200, schema, description: `The ${kind}, restored; ETag carries its version` },
      errors: [403, 409, 412, 428],
      ifMatch: true,
    }),
    timeline: resource.timeline
      ? defineRoute({
          name: `${kind}-timeline`,
          method: 'GET',
          path: `${base}/{id}/timeline`,
          summary: `The ${kind}'s activities, newest first, paged by cursor`,
          tag: label,
          auth: 'user',
          params: IdParamsSchema,
          query: PageQuerySchema,
          success: { status: 200, schema: pageOf(ActivitySchema), description: 'A page of the timeline' },
        })
      : undefined,
    work: resource.timeline
      ? defineRoute({
          name: `${kind}-work`,
          method: 'GET',
          path: `${base}/{id}/work`,
          summary: `Counters of the ${kind}'s planned work: overdue, due in the caller's day, planned later`,
          tag: label,
          auth: 'user',
          params: IdParamsSchema,
          query: MyDayQuerySchema,
          success: { status: 200, schema: WorkCountersSchema, description: 'The counters' },
        })
      : undefined,
  };
}

type RecordRoutes<K extends CrudKind> = ReturnType<typeof recordRoutes<K>>;

/** The routes of each resource, by kind and operation. */
export const recordRoutesByKind: { [K in CrudKind]: RecordRoutes<K> } = {
  company: recordRoutes('company'),
  contact: recordRoutes('contact'),
  deal: recordRoutes('deal'),
  activity: recordRoutes('activity'),
  lead: recordRoutes('lead'),
  product: recordRoutes('product'),
  territory: recordRoutes('territory'),
  form: recordRoutes('form'),
  case: recordRoutes('case'),
};

export const recordContract: ApiRoute[] = crudKinds.flatMap((kind) => {
  const routes = recordRoutesByKind[kind];
  return [
    routes.list,
    routes.create,
    routes.get,
    routes.update,
    routes.delete,
    routes.history,
    routes.restore,
    ...(routes.timeline ? [routes.timeline] : []),
    ...(routes.work ? [routes.work] : []),
  ];
});

export const DeletedRecordSchema = z
  .object({ kind: z.enum(crudKinds as [CrudKind, ...CrudKind[]]), record: z.record(z.string(), z.unknown()) })
  .meta({ id: 'DeletedRecord' });

export const recycleBinRoute = defineRoute({
  name: 'list-deleted',
  method: 'GET',
  path: '/api/deleted',
  summary: `Records deleted in the last ${RESTORE_WINDOW_DAYS} days, the latest first: what can still be restored`,
  tag: 'Audit',
  auth: 'user',
  query: PageQuerySchema,
  success: { status: 200, schema: pageOf(DeletedRecordSchema), description: 'A page of deleted records' },
});
