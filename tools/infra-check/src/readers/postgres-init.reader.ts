import { readRepoFile, listRepoFiles } from './repo-files';

/** One `\ir lib/provision-service.sql` call of the init script, with the variables it was given. */
export interface ProvisionCall {
  readonly file: string;
  readonly line: number;
  readonly schema?: string;
  readonly role?: string;
  readonly passwordEnv?: string;
}

export interface PostgresInit {
  /** Top-level scripts, in the order the postgres image runs them. */
  readonly files: readonly string[];
  readonly calls: readonly ProvisionCall[];
  /** Databases the scripts create (`CREATE DATABASE x`) and connect to (`\connect x`). */
  readonly createdDatabases: readonly string[];
  readonly connectedDatabases: readonly string[];
  /** The per-service statements, as text. */
  readonly provisionSql: string;
}

export const POSTGRES_DIR = 'infra/postgres';
export const PROVISION_LIB = 'lib/provision-service.sql';

/** Reads the init scripts the way psql runs them: `\set` variables, then an include per service. */
export function readPostgresInit(dir: string = POSTGRES_DIR): PostgresInit {
  const files = listRepoFiles(dir, '.sql').filter((file) => !file.slice(dir.length + 1).includes('/'));
  const calls: ProvisionCall[] = [];
  const createdDatabases: string[] = [];
  const connectedDatabases: string[] = [];
  for (const file of files) {
    let variables: Record<string, string> = {};
    readRepoFile(file)
      .split('\n')
      .forEach((text, index) => {
        const line = text.trim();
        const set = /^\\set\s+(\w+)\s+(\S+)/.exec(line);
        if (set) variables[set[1]!] = set[2]!;
        const created = /CREATE DATABASE\s+"?(\w+)"?/i.exec(line);
        if (created) createdDatabases.push(created[1]!);
        const connected = /^\\(?:connect|c)\s+"?(\w+)"?/.exec(line);
        if (connected) connectedDatabases.push(connected[1]!);
        if (line === `\\ir ${PROVISION_LIB}` || line === `\\i ${PROVISION_LIB}`) {
          calls.push({ file, line: index + 1, schema: variables.schema, role: variables.role, passwordEnv: variables.password_env });
          variables = {};
        }
      });
  }
  return { files, calls, createdDatabases, connectedDatabases, provisionSql: readRepoFile(`${dir}/${PROVISION_LIB}`) };
}
