import type { ServiceConfigOf } from '@liqpass/config';

/** The gateway's validated settings (libs/config, entry 'api-gateway'); injected with SERVICE_CONFIG. */
export type GatewayConfig = ServiceConfigOf<'api-gateway'>;
