import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { PolicyAppModule } from './app.module';

void runService('policy', SERVICE_CONFIG_SCHEMAS['policy'], ({ config, logger }) => PolicyAppModule.register(config, logger));
