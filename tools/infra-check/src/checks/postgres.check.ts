import { LOCAL_DATABASE_NAME, localDbRole, SERVICES, type ServiceName } from '@liqpass/config';
import { POSTGRES_DIR, PROVISION_LIB, type PostgresInit } from '../readers/postgres-init.reader';

/** What libs/db/src/provision.ts does for the local stack, and so what the SQL must do too. */
const PROVISIONING_STEPS: readonly [RegExp, string][] = [
  [/CREATE ROLE %I LOGIN PASSWORD %L/, 'create the role with LOGIN'],
  [/GRANT CONNECT ON DATABASE/, 'grant CONNECT on the database'],
  [/CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I/, 'create the schema owned by the role'],
  [/ALTER SCHEMA %I OWNER TO %I/, 'make the role own an existing schema'],
  [/REVOKE ALL ON SCHEMA public FROM %I/, 'revoke the role’s rights on public'],
  [/ALTER ROLE %I SET search_path = %I/, 'pin the role’s search_path to its schema'],
  [/\\getenv password :password_env/, 'read the password from the environment'],
];

/** One service's slot: its schema provisioned, for role liqpass_<schema>, with a password variable. */
export function checkPostgresService(init: PostgresInit, service: ServiceName): string[] {
  const schema = SERVICES[service].schema;
  if (!schema) return [];
  const calls = init.calls.filter((call) => call.schema === schema);
  if (calls.length !== 1) {
    return [`${POSTGRES_DIR}: schema "${schema}" (${service}) is provisioned ${calls.length} times; expected one \\set schema ${schema} … \\ir ${PROVISION_LIB}`];
  }
  const call = calls[0]!;
  const problems: string[] = [];
  if (call.role !== localDbRole(schema)) problems.push(`${call.file}:${call.line} (${service}): role is "${call.role}", expected "${localDbRole(schema)}"`);
  if (!call.passwordEnv) problems.push(`${call.file}:${call.line} (${service}): no \\set password_env naming the variable that holds the role's password`);
  return problems;
}

/** The scripts as a whole: the shared database, every step of provisioning, no stale schema, no password. */
export function checkPostgresStack(init: PostgresInit): string[] {
  const problems: string[] = [];
  if (!init.createdDatabases.includes(LOCAL_DATABASE_NAME)) problems.push(`${POSTGRES_DIR}: never creates database "${LOCAL_DATABASE_NAME}"`);
  if (!init.connectedDatabases.includes(LOCAL_DATABASE_NAME)) problems.push(`${POSTGRES_DIR}: never connects to "${LOCAL_DATABASE_NAME}" before provisioning`);
  for (const [pattern, step] of PROVISIONING_STEPS) {
    if (!pattern.test(init.provisionSql)) problems.push(`${POSTGRES_DIR}/${PROVISION_LIB}: does not ${step} (${pattern.source})`);
  }
  const schemas = Object.values(SERVICES).map((service) => service.schema);
  for (const call of init.calls) {
    if (!schemas.includes(call.schema ?? null)) problems.push(`${call.file}:${call.line}: provisions schema "${call.schema}", which no service in libs/config SERVICES owns: stale?`);
  }
  if (/PASSWORD\s+'/i.test(init.provisionSql)) problems.push(`${POSTGRES_DIR}/${PROVISION_LIB}: a password is written in the SQL; take it from the environment`);
  return problems;
}
