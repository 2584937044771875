import { DEFAULT_SUBJECT_PREFIX } from '@liqpass/events';
import { LOCAL_DATABASE_NAME, localDbRole, SERVICES, type ServiceName } from '@liqpass/config';
import { defaultOf, LOOPBACK, schemaProblems, SERVICE_SETTINGS_FILE, settingsOf, settingsWithoutSafeDefault } from './deployment-settings';

export interface ServiceEnvironment {
  readonly service: ServiceName;
  /** Where the environment is written, e.g. `docker-compose.yml services.policy.environment`. */
  readonly where: string;
  /** Setting → value the container gets; undefined where the repo cannot know it (a real secret). */
  readonly env: ReadonlyMap<string, string | undefined>;
}

/**
 * The checks Compose and Kubernetes share: the environment a service gets is exactly settings it
 * reads, every setting without a safe production default is there, and the values agree with
 * libs/config (port, schema, database role) and with infra/nats (subject prefix).
 */
export function checkServiceEnvironment({ service, where, env }: ServiceEnvironment): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(`${where} (${service}): ${message}`);
  const known = settingsOf(service);

  for (const name of env.keys()) {
    if (!known.includes(name)) report(`sets ${name}, which ${service} does not read (its settings: ${known.join(', ')}; ${SERVICE_SETTINGS_FILE})`);
  }
  for (const { name, reason } of settingsWithoutSafeDefault(service)) {
    if (!env.has(name)) report(`does not set ${name}, which needs a deployment value: ${reason}`);
  }
  for (const [name, value] of env) {
    if (value !== undefined && LOOPBACK.test(value)) report(`${name} is "${value}": a loopback address reaches only the container itself`);
  }
  for (const problem of schemaProblems(service, env)) report(`${service}'s schema refuses ${problem}`);

  const descriptor = SERVICES[service];
  const port = env.get('HTTP_PORT');
  if (port !== undefined && Number(port) !== descriptor.defaultHttpPort) {
    report(`HTTP_PORT is ${port}, but ${service} listens on ${descriptor.defaultHttpPort} (libs/config/src/services.ts)`);
  }
  if (descriptor.schema) problems.push(...checkDatabase(service, descriptor.schema, where, env));
  const prefix = env.get('NATS_SUBJECT_PREFIX') ?? defaultOf(service, 'NATS_SUBJECT_PREFIX').value;
  if (known.includes('NATS_SUBJECT_PREFIX') && prefix !== DEFAULT_SUBJECT_PREFIX) {
    report(`NATS_SUBJECT_PREFIX is "${String(prefix)}", but the streams in infra/nats use "${DEFAULT_SUBJECT_PREFIX}"`);
  }
  return problems;
}

function checkDatabase(service: ServiceName, schema: string, where: string, env: ReadonlyMap<string, string | undefined>): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(`${where} (${service}): ${message}`);
  const dbSchema = env.get('DB_SCHEMA');
  if (env.has('DB_SCHEMA') && dbSchema !== schema) report(`DB_SCHEMA is "${dbSchema}", but ${service} owns schema "${schema}" (libs/config/src/services.ts)`);
  const url = env.get('DATABASE_URL');
  if (url === undefined) return problems;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    report(`DATABASE_URL "${url}" is not a URL`);
    return problems;
  }
  const role = decodeURIComponent(parsed.username);
  if (role !== localDbRole(schema)) report(`DATABASE_URL logs in as "${role}", but ${service}'s role is "${localDbRole(schema)}"`);
  if (parsed.pathname !== `/${LOCAL_DATABASE_NAME}`) report(`DATABASE_URL names database "${parsed.pathname.slice(1)}", but the services share "${LOCAL_DATABASE_NAME}"`);
  return problems;
}
