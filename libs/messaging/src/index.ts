export * from './connection/nats-connection';
