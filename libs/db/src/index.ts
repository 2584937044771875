export * from './service-data-source';
export * from './provision';
export * from './prepared-query';
