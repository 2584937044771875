export * from './service-data-source';
export * from './provision';
