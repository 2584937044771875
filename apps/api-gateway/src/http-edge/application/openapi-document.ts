import { z } from 'zod';
import type { RouteAccess, RouteDefinition } from '../domain/route-definition';
import { GATEWAY_ERROR_CODES } from '../domain/error-codes';

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

/**
 * The OpenAPI 3.1 document of the gateway, generated from the same zod schemas the edge
 * validates with — a route cannot be documented one way and checked another.
 */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Session token from POST /auth/siwe/verify' },
        internalKey: { type: 'apiKey', in: 'header', name: 'x-internal-key' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message', 'traceId'],
          additionalProperties: false,
          properties: {
            error: { type: 'string', enum: [...GATEWAY_ERROR_CODES], description: 'A reason code (PRODUCT.md §5) or an edge code' },
            message: { type: 'string' },
            traceId: { type: 'string', description: 'The correlation id of the request, also in x-correlation-id' },
          },
        },
      },
    },
  };
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const result: Record<string, unknown> = {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    security: security(route.access),
    parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
    responses: responses(route),
  };
  if (route.access.kind === 'admin') {
    result['x-roles'] = route.access.roles;
    result.description = `Roles: ${route.access.roles.join(' or ')}${route.access.selfField ? `, or the wallet named by ${route.access.selfField}` : ''}.`;
  }
  if (route.body) {
    result.requestBody = {
      required: !route.body.safeParse(undefined).success,
      content: { 'application/json': { schema: jsonSchema(route.body) } },
    };
  }
  return result;
}

function security(access: RouteAccess): Record<string, string[]>[] {
  if (access.kind === 'public') return [];
  if (access.kind === 'internal') return [{ internalKey: [] }];
  return [{ session: [] }];
}

function parameters(location: 'path' | 'query', schema: z.ZodObject | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    required: location === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(field as z.ZodType),
  }));
}

function responses(route: RouteDefinition): Record<string, unknown> {
  const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const success = {
    description: 'Success',
    content: { 'application/json': { schema: route.response ? jsonSchema(route.response) : { type: 'object' } } },
  };
  const codes = ['400', '404', '405', '413', '415', '429'];
  if (route.access.kind !== 'public') codes.push('401');
  if (route.access.kind === 'admin') codes.push('403');
  if ('target' in route) codes.push('409', '502', '503', '504');
  return { [String(route.successStatus)]: success, ...Object.fromEntries(codes.sort().map((code) => [code, error])) };
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}
