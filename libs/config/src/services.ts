/**
 * The registry of deployable apps: name, owned Postgres schema and default HTTP port. The
 * local stack, the gateway's health aggregation and the infra consistency test all read it,
 * so a service is added in exactly one place.
 */
export interface ServiceDescriptor {
  readonly name: ServiceName;
  /** Postgres schema (and role suffix) the service owns; null when it keeps no database state. */
  readonly schema: string | null;
  readonly defaultHttpPort: number;
  /** True for the backend services the gateway's /health must see healthy. */
  readonly backend: boolean;
}

export const SERVICE_NAMES = [
  'api-gateway',
  'policy',
  'okx-binding',
  'payment-listener',
  'claims-verifier',
  'payout',
  'okx-sim',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const SERVICES: Readonly<Record<ServiceName, ServiceDescriptor>> = {
  'api-gateway': { name: 'api-gateway', schema: 'gateway', defaultHttpPort: 3000, backend: false },
  policy: { name: 'policy', schema: 'policy', defaultHttpPort: 3101, backend: true },
  'okx-binding': { name: 'okx-binding', schema: 'okx', defaultHttpPort: 3102, backend: true },
  'payment-listener': { name: 'payment-listener', schema: 'payments', defaultHttpPort: 3103, backend: true },
  'claims-verifier': { name: 'claims-verifier', schema: 'claims', defaultHttpPort: 3104, backend: true },
  payout: { name: 'payout', schema: 'payout', defaultHttpPort: 3105, backend: true },
  'okx-sim': { name: 'okx-sim', schema: null, defaultHttpPort: 8090, backend: false },
};

export const BACKEND_SERVICES: readonly ServiceDescriptor[] = Object.values(SERVICES).filter((s) => s.backend);

/** Local-development role name and password for a service schema (production supplies its own secret). */
export const localDbRole = (schema: string) => `liqpass_${schema}`;

/**
 * Node flags every service process runs with (local stack, tests, benchmarks; the Dockerfile's
 * CMD repeats them). A cap on the old generation: with 24 GiB free V8 lets the heap grow lazily
 * under load — the gateway reached 265 MB resident in bench/gateway, 155 MB with the cap, at the
 * same throughput — and a service must stay under 200 MB resident (issue 10).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-old-space-size=128'];
