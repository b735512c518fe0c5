/**
 * The OpenAPI 3.1 document of the local API, generated from the route table and the zod contract
 * with zod 4's own `z.toJSONSchema`. No generator library (zod-openapi, @asteasolutions/zod-to-openapi):
 * OpenAPI 3.1 schemas are plain JSON Schema 2020-12, which is what zod 4 emits itself, so the only
 * work left is the paths around them, and the schemas stay exactly the ones the dispatcher parses with.
 */
import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { API_ROUTES, apiErrorSchema, type ApiRoute } from './api-routes';

type JsonSchema = Record<string, unknown>;

/** How the bridge authenticates: `Authorization: Bearer <the per-launch token>`. */
const SECURITY_SCHEME = 'launchToken';
const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

/** A components name for a route's response: "metrics" → "MetricsResponse". */
export function responseSchemaName(route: ApiRoute): string {
  return `${route.id[0]!.toUpperCase()}${route.id.slice(1)}Response`;
}

export function buildOpenApiDocument(version: string): JsonSchema {
  // One registry for every schema, so shared pieces reference each other by components path rather than by $defs of each.
  const registry = z.registry<{ id: string }>();
  registry.add(apiErrorSchema, { id: 'ApiError' });
  for (const route of API_ROUTES) if (route.channel) registry.add(contract[route.channel].response, { id: responseSchemaName(route) });
  const generated = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  const schemas: Record<string, JsonSchema> = {};
  // Each comes with an $id of its components path; a bare fragment is not a valid $id in 2020-12, and its place in the document already names it.
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $id: _id, ...rest } = withoutDialect(schema as JsonSchema);
    schemas[id] = rest;
  }
  // The document describes itself loosely: its own meta-schema is not what clients read it for.
  schemas['OpenApiDocument'] = { type: 'object', required: ['openapi', 'info', 'paths'] };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Persona Studio local performance API',
      version,
      description:
        'Browser mode only, on 127.0.0.1. Every call needs the per-launch token (printed with the address at start) as a bearer token; ' +
        'a request from another site (Origin or Sec-Fetch-Site) is refused. Each route has its own rate limit per client: over it, 429 with Retry-After.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { [SECURITY_SCHEME]: { type: 'http', scheme: 'bearer', description: 'The per-launch token from the address browser mode prints (`?token=…`).' } },
    },
  };
}

function operationOf(route: ApiRoute): Record<string, unknown> {
  const request = route.channel ? (z.toJSONSchema(contract[route.channel].request, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;
  const properties = (request?.['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((request?.['required'] ?? []) as string[]);
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });
  const body = route.channel ? { $ref: `#/components/schemas/${responseSchemaName(route)}` } : { $ref: '#/components/schemas/OpenApiDocument' };
  return {
    operationId: route.id,
    summary: route.summary,
    description: `Rate limit: ${route.limit.perSecond} per second, bursts of ${route.limit.burst}.${route.auditSubject ? ' Every call is recorded in the audit.' : ''}`,
    ...(route.method === 'GET' && Object.keys(properties).length > 0
      ? { parameters: Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema: withoutDialect(schema) })) }
      : {}),
    ...(route.method === 'POST' && request ? { requestBody: { required: false, content: { 'application/json': { schema: withoutDialect(request) } } } } : {}),
    responses: {
      '200': { description: 'The answer', content: { 'application/json': { schema: body } } },
      '400': error('The request is malformed: the error names the field at fault'),
      '401': error('The token is missing or wrong'),
      '403': error('The request came from another site'),
      '429': {
        ...error('Over the rate limit: retry after the seconds in Retry-After'),
        headers: { 'Retry-After': { description: 'Whole seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } },
      },
    },
  };
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
