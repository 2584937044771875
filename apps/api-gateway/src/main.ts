import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { ApiGatewayAppModule } from './app.module';

void runService('api-gateway', SERVICE_CONFIG_SCHEMAS['api-gateway'], ({ config, logger }) => ApiGatewayAppModule.register(config, logger));
