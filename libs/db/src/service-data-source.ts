import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

type EntityTarget = Function | string | EntitySchema;

export interface ServiceDataSourceOptions {
  /** postgres:// URL of the service's own role. */
  readonly url: string;
  /** The schema the service owns; created by provisioning, never by the service. */
  readonly schema: string;
  readonly entities: MixedList<EntityTarget>;
  readonly migrations: MixedList<Function>;
  readonly applicationName: string;
  readonly poolSize?: number;
}

/**
 * A TypeORM DataSource confined to one service's schema: search_path is pinned so raw SQL
 * cannot wander into another service's tables, migrations live in that schema, and
 * `synchronize` is off — the schema changes only through reviewed migrations.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    extra: { options: `-c search_path=${options.schema}` },
  });
}

/**
 * Initialises the data source and applies pending migrations; returns the names applied.
 * Replicas starting together would race to apply the same migration: a session advisory lock
 * keyed by the schema lets one migrate while the others wait, then find nothing to do.
 */
export async function openAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query("SELECT pg_advisory_lock(hashtext('liqpass-migrations:' || $1))", [schema]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query("SELECT pg_advisory_unlock(hashtext('liqpass-migrations:' || $1))", [schema]).catch(() => undefined);
    await lockRunner.release();
  }
}

export async function databaseIsReachable(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
