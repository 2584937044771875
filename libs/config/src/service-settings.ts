import { z } from 'zod';
import { localDbRole, SERVICES, type ServiceName } from './services';
import { logLevel, natsToken, port, positiveInt, sqlIdentifier, url } from './settings';

export const LOCAL_DATABASE_HOST = '127.0.0.1:5432';
export const LOCAL_DATABASE_NAME = 'liqpass';
/** Local-stack default only; any real deployment sets its own (see infra/). */
export const LOCAL_INTERNAL_API_KEY = 'local-dev-internal-key-change-me';

function httpSettings(service: ServiceName) {
  return {
    HTTP_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
    HTTP_PORT: port(SERVICES[service].defaultHttpPort),
    LOG_LEVEL: logLevel,
  };
}

/** The settings every database- and NATS-backed NestJS service reads, with local-stack defaults. */
export function serviceSettings(service: ServiceName) {
  const schema = SERVICES[service].schema ?? 'public';
  const role = localDbRole(schema);
  return {
    ...httpSettings(service),
    NATS_URL: url(['nats', 'tls'], 'nats://127.0.0.1:4222'),
    DATABASE_URL: url(['postgres', 'postgresql'], `postgres://${role}:${role}@${LOCAL_DATABASE_HOST}/${LOCAL_DATABASE_NAME}`),
    DB_SCHEMA: sqlIdentifier(schema),
    /** First token of every NATS subject and stream name; tests set their own to stay isolated. */
    NATS_SUBJECT_PREFIX: natsToken('liqpass'),
  };
}

/**
 * Every deployable's configuration schema, in one catalogue: services load theirs at start-up
 * and the infra consistency test checks docker-compose and Kubernetes manifests against it.
 * A service adds a setting here, next to its defaults.
 */
export const SERVICE_CONFIG_SCHEMAS = {
  'api-gateway': z.object({
    ...serviceSettings('api-gateway'),
    INTERNAL_API_KEY: z.string().min(16, 'must be at least 16 characters').default(LOCAL_INTERNAL_API_KEY),
    SERVICE_REQUEST_TIMEOUT_MS: positiveInt(5000),
  }),
  policy: z.object(serviceSettings('policy')),
  'okx-binding': z.object(serviceSettings('okx-binding')),
  'payment-listener': z.object(serviceSettings('payment-listener')),
  'claims-verifier': z.object(serviceSettings('claims-verifier')),
  payout: z.object(serviceSettings('payout')),
  'okx-sim': z.object(httpSettings('okx-sim')),
} as const satisfies Record<ServiceName, z.ZodObject>;

export type ServiceConfigOf<S extends ServiceName> = z.infer<(typeof SERVICE_CONFIG_SCHEMAS)[S]>;
/** The settings shared by every database- and NATS-backed service. */
export type BaseServiceConfig = z.infer<z.ZodObject<ReturnType<typeof serviceSettings>>>;
