import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { PayoutAppModule } from './app.module';

void runService('payout', SERVICE_CONFIG_SCHEMAS['payout'], ({ config, logger }) => PayoutAppModule.register(config, logger));
