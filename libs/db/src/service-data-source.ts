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

/** Initialises the data source and applies pending migrations; returns the names applied. */
export async function openAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
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
