export * from './config-error';
export * from './load-config';
export * from './settings';
export * from './services';
export * from './service-settings';
