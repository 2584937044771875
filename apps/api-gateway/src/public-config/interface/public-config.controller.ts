import { Controller, Inject } from '@nestjs/common';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../config/gateway-config';
import { Endpoint } from '../../http-edge/interface/endpoint.decorator';
import { toPublicConfig, type PublicConfig } from '../domain/public-config';
import { PUBLIC_CONFIG_ROUTES } from './public-config.routes';

@Controller()
export class PublicConfigController {
  private readonly config: PublicConfig;

  constructor(@Inject(SERVICE_CONFIG) settings: GatewayConfig) {
    this.config = toPublicConfig(settings);
  }

  @Endpoint(PUBLIC_CONFIG_ROUTES.get)
  get(): PublicConfig {
    return this.config;
  }
}
