import { z } from 'zod';
import { ActivitySchema } from '../activities/activity.schema';
import { apiOf, crudKinds, kinds, type CrudKind, type RecordKind } from '../kinds/kinds';
import type { ActionDefinition, ApiDefinition } from '../kinds/kind-definition';
import { IdParamsSchema, PageQuerySchema, pageOf } from './common.schema';
import { MyDayQuerySchema } from './my-day.schema';
import { AuditEntrySchema } from '../audit/audit.schema';
import { RESTORE_WINDOW_DAYS } from '../audit/audit.rules';
import { defineRoute, type ApiRoute } from './route';
import { RelatedNamesSchema } from './related-names.schema';


const IdFilter = z.string().min(1).max(64).optional();

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

/** A page of a record's timeline, with the names of what its entries point at (absent from servers of the previous release). */
export const TimelinePageSchema = pageOf(ActivitySchema).extend({ related: RelatedNamesSchema.optional() }).meta({ id: 'TimelinePage' });
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

/**
 * The link filters a list accepts, e.g. `?companyId=` lists a company's contacts, `?translationGroup=` an article's
 * translations (those made after the first, whose id the group is), `?campaignId=` a campaign's tracked links.
 */
export const linkFilters = { companyId: 'company', contactId: 'contact', dealId: 'deal', translationGroup: 'article', campaignId: 'campaign' } as const satisfies Record<
  string,
  RecordKind
>;

function recordRoutes<K extends CrudKind>(kind: K) {
  const { plural, label, schema, timeline } = kinds[kind];
  const api = apiOf(kind);
  const base = `/api/${plural}`;
  const write: ApiDefinition['write'] = api.write;
  const writeAccess = write ? ({ role: write.role, allows: write.allows, ...(write.capability ? { capability: write.capability } : {}) } as const) : {};
  // Typed as if every filter were there (each is optional); the schema has only the kind's.
  const filters = Object.fromEntries(api.filters.map((name) => [name, IdFilter])) as Record<ApiDefinition['filters'][number], typeof IdFilter>;
  return {
    list: defineRoute({
      name: `list-${plural}`,
      method: 'GET',
      path: base,
      summary: `List ${plural}, newest first`,
      tag: label,
      auth: 'user',
      query: PageQuerySchema.extend(filters),
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
      ...('createQuery' in api ? { query: api.createQuery } : {}),
      body: api.input,
      success: { status: 201, schema, description: `The ${kind} as stored; ETag carries its version` },
      errors: 'createQuery' in api ? [409, 413, 422] : [413, 422],
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
      body: api.patch,
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
    timeline: timeline
      ? defineRoute({
          name: `${kind}-timeline`,
          method: 'GET',
          path: `${base}/{id}/timeline`,
          summary: `The ${kind}'s activities, newest first, paged by cursor`,
          tag: label,
          auth: 'user',
          params: IdParamsSchema,
          query: PageQuerySchema,
          success: { status: 200, schema: TimelinePageSchema, description: 'A page of the timeline, and the names of the records its entries point at' },
        })
      : undefined,
    work: timeline
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
    /** Operations besides changing fields (an upvote, a pin): POST …/{id}/{action}. */
    actions: Object.entries(api.actions ?? {}).map(([action, definition]: [string, ActionDefinition]) =>
      defineRoute({
        name: `${action}-${kind}`,
        method: 'POST',
        path: `${base}/{id}/${action}`,
        summary: definition.summary,
        tag: label,
        auth: 'user',
        // An action's role, or the role that writes the kind (an admin's setting is acted on by admins).
        ...(definition.role ?? write?.role ? { role: definition.role ?? write?.role, allows: definition.allows ?? write?.allows ?? `${action} ${plural}` } : {}),
        params: IdParamsSchema,
        body: definition.body,
        success: { status: 200, schema, description: `The ${kind} after it; ETag carries its version` },
        // 412 only when others kept changing the record through every retry.
        errors: definition.role ?? write?.role ? [403, 412, 413, 422] : [412, 413, 422],
      }),
    ),
  };
}

type RecordRoutes<K extends CrudKind> = ReturnType<typeof recordRoutes<K>>;

/** The routes of each resource, by kind and operation. */
export const recordRoutesByKind = Object.fromEntries(crudKinds.map((kind) => [kind, recordRoutes(kind)])) as { [K in CrudKind]: RecordRoutes<K> };

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
    ...routes.actions,
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
