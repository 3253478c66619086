import { z } from 'zod';
import { ErrorBodySchema } from './common.schema';
import type { ApiRoute } from './route';

type JsonObject = Record<string, unknown>;

const errorDescriptions: Record<number, string> = {
  400: 'The request is malformed or fails validation; `error.details.fields` names the fields',
  401: 'No valid bearer token',
  404: 'No such record in your tenant',
  405: 'The path exists but not with this method',
  412: 'The If-Match version is stale; `error.details.currentVersion` is the current one. For a record, `error.details.changes` lists the changes made since the version sent (the latest first, at most 10), each with `by` (`id`, `displayName`), `at` and `fields` (the names of the fields it changed), and `error.details.changedFields` their union',
  413: 'The body is larger than 1 MB',
  422: 'The request is well formed but refers to something that does not exist, or reuses an idempotency key',
  428: 'If-Match is required',
  500: 'An unexpected error; nothing internal is disclosed',
};

/** Builds the OpenAPI 3.1 document of the given routes from their zod schemas. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], info: { title: string; version: string }): JsonObject {
  const components: Record<string, unknown> = {};
  const toSchema = (schema: z.ZodType, io: 'input' | 'output') => {
    const converted = z.toJSONSchema(schema, { io, metadata: z.globalRegistry, unrepresentable: 'any' }) as JsonObject;
    // Registered schemas (Contact, Deal…) become shared components; OpenAPI resolves refs from the document root.
    const { $defs, $schema: _ignored, ...rest } = converted;
    if ($defs && typeof $defs === 'object') {
      for (const [id, def] of Object.entries($defs as JsonObject)) components[id] = rewriteRefs(def);
    }
    return rewriteRefs(rest) as JsonObject;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: JsonObject = {
      operationId: route.name,
      summary: route.summary,
      tags: [route.tag],
    };
    if (route.auth === 'none') operation.security = [];
    const parameters: JsonObject[] = [];
    for (const [location, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const converted = toSchema(schema, 'input');
      const properties = (converted.properties ?? {}) as Record<string, unknown>;
      const required = new Set((converted.required as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries(properties)) {
        parameters.push({ name, in: location, required: location === 'path' || required.has(name), schema: property });
      }
    }
    if (route.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The version you read, as returned in the ETag header, e.g. "3"',
        schema: { type: 'string' },
      });
    }
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A key unique to this create; a retry with the same key returns the first result',
        schema: { type: 'string', maxLength: 200 },
      });
    }
    if (parameters.length > 0) operation.parameters = parameters;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    const responses: Record<string, unknown> = {};
    const { success } = route;
    responses[String(success.status)] = success.schema
      ? { description: success.description, content: { 'application/json': { schema: toSchema(success.schema, 'output') } } }
      : { description: success.description };
    const errorStatuses = new Set([400, ...(route.auth === 'user' ? [401] : []), ...(route.params ? [404] : []), ...(route.errors ?? []), 500]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    operation.responses = responses;
    const path = (paths[route.path] ??= {});
    path[route.method.toLowerCase()] = operation;
  }
  toSchema(ErrorBodySchema, 'output');

  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
  };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, inner] of Object.entries(value as JsonObject)) {
      if (key === '$ref' && typeof inner === 'string') result[key] = inner.replace('#/$defs/', '#/components/schemas/');
      else if (key === '$schema' || key === '$id') continue;
      else result[key] = rewriteRefs(inner);
    }
    return result;
  }
  return value;
}
