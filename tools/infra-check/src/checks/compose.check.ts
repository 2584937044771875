import { SERVICE_NAMES, SERVICES, type ServiceName } from '@liqpass/config';
import {
  composeVariables,
  interpolateWithDefaults,
  isRequiredVariable,
  rawEnvironment,
  type ComposeFile,
  type ComposeService,
} from '../readers/compose-file.reader';
import type { ProvisionCall } from '../readers/postgres-init.reader';
import { SECRET_NAME } from './deployment-settings';
import { checkServiceEnvironment } from './service-env.check';

export const COMPOSE_FILE = 'docker-compose.yml';
export const COMPOSE_ENV_EXAMPLE = 'infra/compose.env.example';
/** Compose services that are not LiqPass deployables but the stack around them. */
const SUPPORTING = ['postgres', 'nats', 'nats-setup', 'web', 'anvil'];
/** The only services reachable from the host. */
const PUBLISHED = ['api-gateway', 'web'];

/** `payment-listener` → `PAYMENT_LISTENER_REPLICAS`. */
export const replicasVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_REPLICAS`;

function dependsOn(service: ComposeService): Map<string, string | undefined> {
  const source = service.depends_on;
  if (Array.isArray(source)) return new Map((source as readonly string[]).map((name) => [name, undefined]));
  return new Map(Object.entries(source ?? {}).map(([name, options]) => [name, (options as { condition?: string }).condition]));
}

/** One LiqPass service's container: image, environment, secrets, replicas and start order. */
export function checkComposeService(compose: ComposeFile, service: ServiceName, provisioning: readonly ProvisionCall[]): string[] {
  const where = `${COMPOSE_FILE} services.${service}`;
  const definition = compose.services[service];
  if (!definition) return [`${COMPOSE_FILE}: no service "${service}" (every deployable in libs/config SERVICES runs in its own container)`];
  const problems: string[] = [];
  const report = (message: string) => problems.push(`${where} (${service}): ${message}`);

  if (definition.build?.target !== 'service' || definition.build.args?.SERVICE !== service) {
    report(`must build the Dockerfile's "service" target with SERVICE: ${service} (build: { context: ., target: service, args: { SERVICE: ${service} } })`);
  }
  if (!definition.image?.startsWith(`liqpass/${service}:`)) report(`image must be liqpass/${service}:<tag>, the name infra/k8s deploys`);

  const raw = rawEnvironment(definition);
  // A whole-value required variable is set (Compose refuses to start without it) but unknown here.
  const env = new Map([...raw].map(([name, value]) => [name, value === undefined || isRequiredVariable(value) ? undefined : interpolateWithDefaults(value)] as const));
  problems.push(...checkServiceEnvironment({ service, where: `${where}.environment`, env }));

  for (const [name, value] of raw) {
    if (!SECRET_NAME.test(name) || value === undefined) continue;
    if (!isRequiredVariable(value)) {
      report(`${name} is a secret: take it whole from a required variable, \${${name}:?…}, never a value or a default`);
    }
  }
  const schema = SERVICES[service].schema;
  if (schema) problems.push(...checkDatabasePassword(compose, service, schema, raw.get('DATABASE_URL'), provisioning));

  const replicas = String(definition.deploy?.replicas ?? '');
  if (schema && !new RegExp(`^\\$\\{${replicasVariable(service)}:-\\d+\\}$`).test(replicas)) {
    report(`deploy.replicas must be \${${replicasVariable(service)}:-1} so it can be scaled without editing the file (is "${replicas}")`);
  }
  if (schema && definition.profiles?.length) report(`is in profile(s) ${definition.profiles.join(', ')}: production services must always start`);

  const after = dependsOn(definition);
  if (env.has('DATABASE_URL') && after.get('postgres') !== 'service_healthy') report(`must depend on postgres with condition service_healthy`);
  if (env.has('NATS_URL') && after.get('nats-setup') !== 'service_completed_successfully') {
    report(`must depend on nats-setup with condition service_completed_successfully (the streams must exist first)`);
  }
  return problems;
}

/** DATABASE_URL's password: a required variable, the same one infra/postgres gives the role. */
function checkDatabasePassword(
  compose: ComposeFile,
  service: ServiceName,
  schema: string,
  url: string | undefined,
  provisioning: readonly ProvisionCall[],
): string[] {
  if (url === undefined) return [];
  const where = `${COMPOSE_FILE} services.${service}.environment.DATABASE_URL (${service})`;
  const password = /^postgres(?:ql)?:\/\/[^:@/]+:(\$\{[^}]+\})@/.exec(url)?.[1];
  const variable = password ? composeVariables(password)[0] : undefined;
  if (!variable || variable.operator !== '?') return [`${where}: the password must be a required variable \${…:?…}, never written in the file`];
  const call = provisioning.find((candidate) => candidate.schema === schema);
  const problems: string[] = [];
  if (call && call.passwordEnv !== variable.name) {
    problems.push(`${where}: password comes from ${variable.name}, but ${call.file} sets the role's password from ${call.passwordEnv}`);
  }
  const postgresEnv = rawEnvironment(compose.services.postgres ?? {});
  if (!composeVariables(postgresEnv.get(variable.name) ?? '').some((candidate) => candidate.name === variable.name)) {
    problems.push(`${where}: the postgres service must get ${variable.name} too, or the init script cannot create the role with it`);
  }
  return problems;
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The stack around the services: nothing unknown, nothing published but the edge, secrets documented. */
export function checkComposeStack(compose: ComposeFile, envExample: string): string[] {
  const problems: string[] = [];
  const known = [...SERVICE_NAMES, ...SUPPORTING] as string[];
  for (const [name, definition] of Object.entries(compose.services)) {
    if (!known.includes(name)) problems.push(`${COMPOSE_FILE} services.${name}: not a deployable in libs/config SERVICES nor part of the stack (${SUPPORTING.join(', ')}): stale?`);
    if (definition.ports?.length && !PUBLISHED.includes(name)) {
      problems.push(`${COMPOSE_FILE} services.${name}: publishes ports to the host; only ${PUBLISHED.join(' and ')} may`);
    }
  }
  const postgres = compose.services.postgres;
  if (!allStrings(postgres?.volumes).some((volume) => /^\.\/infra\/postgres:\/docker-entrypoint-initdb\.d/.test(volume))) {
    problems.push(`${COMPOSE_FILE} services.postgres: must mount ./infra/postgres at /docker-entrypoint-initdb.d (the roles and schemas)`);
  }
  if (!allStrings(compose.services.nats?.command).includes('-js')) problems.push(`${COMPOSE_FILE} services.nats: must run with -js (JetStream)`);
  const setup = compose.services['nats-setup'];
  if (!allStrings(setup?.volumes).some((volume) => volume.startsWith('./infra/nats:')) || !allStrings(setup?.command).some((part) => part.endsWith('infra/nats/apply.sh'))) {
    problems.push(`${COMPOSE_FILE} services.nats-setup: must mount ./infra/nats and run its apply.sh`);
  }

  const used = allStrings(compose).flatMap(composeVariables);
  const documented = new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
  for (const name of new Set(used.filter((variable) => variable.operator === '?').map((variable) => variable.name))) {
    if (!documented.has(name)) problems.push(`${COMPOSE_ENV_EXAMPLE}: does not list ${name}, which ${COMPOSE_FILE} requires`);
  }
  const usedNames = new Set(used.map((variable) => variable.name));
  for (const name of documented) {
    if (!usedNames.has(name)) problems.push(`${COMPOSE_ENV_EXAMPLE}: lists ${name}, which ${COMPOSE_FILE} never reads: stale?`);
  }
  return problems;
}
