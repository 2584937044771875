import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { ClaimsVerifierAppModule } from './app.module';

void runService('claims-verifier', SERVICE_CONFIG_SCHEMAS['claims-verifier'], ({ config, logger }) => ClaimsVerifierAppModule.register(config, logger));
