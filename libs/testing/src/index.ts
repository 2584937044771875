export * from './test-database';
export * from './local-socket';
