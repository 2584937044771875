import { z } from 'zod';
import { defineRoute } from '../domain/route-definition';

/** Routes every client may read: health and metrics (served by the service kit) and the API docs. */
export const OPERATIONAL_ROUTES = {
  health: defineRoute({
    id: 'health.get',
    method: 'GET',
    path: '/health',
    tag: 'operations',
    summary: 'Health of the gateway and of every backend service (200 only when all are healthy, else 503)',
    access: { kind: 'public' },
    successStatus: 200,
  }),
  live: defineRoute({
    id: 'health.live',
    method: 'GET',
    path: '/health/live',
    tag: 'operations',
    summary: 'Liveness: the process serves HTTP (dependencies are not checked)',
    access: { kind: 'public' },
    successStatus: 200,
  }),
  metrics: defineRoute({
    id: 'metrics.get',
    method: 'GET',
    path: '/metrics',
    tag: 'operations',
    summary: 'Prometheus metrics',
    access: { kind: 'public' },
    successStatus: 200,
  }),
  docsJson: defineRoute({
    id: 'docs.json',
    method: 'GET',
    path: '/docs-json',
    tag: 'operations',
    summary: 'This OpenAPI document',
    access: { kind: 'public' },
    successStatus: 200,
  }),
  docsPage: defineRoute({
    id: 'docs.page',
    method: 'GET',
    path: '/docs',
    tag: 'operations',
    summary: 'The API documentation (swagger-ui)',
    access: { kind: 'public' },
    successStatus: 200,
  }),
  docsAsset: defineRoute({
    id: 'docs.asset',
    method: 'GET',
    path: '/docs/:file',
    tag: 'operations',
    summary: 'A file of the documentation page',
    access: { kind: 'public' },
    params: z.strictObject({ file: z.string().regex(/^[a-z0-9.-]{1,64}$/, 'expected a file name') }),
    successStatus: 200,
  }),
} as const;
