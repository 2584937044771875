import { loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { createServiceDataSource } from '@liqpass/db';
import { createLogger, type Logger } from '@liqpass/observability';
import { ReEncryptCredentialsHandler, type ReEncryptReport } from './re-encrypt-credentials.handler';
import { CredentialsVault } from '../../infrastructure/credentials-vault';
import { LinkedAccountRepository } from '../../infrastructure/linked-account.repository';
import { okxBindingSettings } from '../../../config/okx-binding-settings';
import { CredentialsCipher } from '../../../credentials/infrastructure/credentials-cipher';
import { OkxBindingMigrations } from '../../../migrations';

/** The rotation command's work, with the service's own settings (also called by tests). */
export async function reEncryptCredentials(env: Record<string, string | undefined>, options: { batchSize?: number; logger?: Logger } = {}): Promise<ReEncryptReport> {
  const config = loadConfig('okx-binding', SERVICE_CONFIG_SCHEMAS['okx-binding'], env);
  const settings = okxBindingSettings(config);
  const logger = options.logger ?? createLogger('okx-binding', config.LOG_LEVEL);
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    entities: [],
    migrations: OkxBindingMigrations,
    applicationName: 'okx-binding-re-encrypt',
    poolSize: 2,
  });
  await dataSource.initialize();
  try {
    const vault = new CredentialsVault(new CredentialsCipher(settings.keyRing));
    return await new ReEncryptCredentialsHandler(dataSource, new LinkedAccountRepository(dataSource), vault, logger).execute({ batchSize: options.batchSize });
  } finally {
    await dataSource.destroy();
  }
}
