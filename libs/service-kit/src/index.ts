export * from './tokens';
export * from './health/health-report';
export * from './health/health.service';
export * from './rpc/rpc-protocol';
export * from './rpc/rpc-server';
export * from './rpc/rpc-client';
export * from './service-kit.module';
export * from './bootstrap/run-service';
export { assignCorrelationId } from './http/http-observability';
