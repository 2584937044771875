import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { runService } from '@liqpass/service-kit';
import { PaymentListenerAppModule } from './app.module';

void runService('payment-listener', SERVICE_CONFIG_SCHEMAS['payment-listener'], ({ config, logger }) => PaymentListenerAppModule.register(config, logger));
