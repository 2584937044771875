import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { OkxBindingAppModule } from './app.module';

void runService('okx-binding', SERVICE_CONFIG_SCHEMAS['okx-binding'], ({ config, logger }) => OkxBindingAppModule.register(config, logger));
