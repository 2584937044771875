export * from './canonical/canonical-json';
export * from './merkle/merkle-root';
export * from './signature/evidence-signature';
export * from './bundle/evidence-bundle';
export * from './detection/okx-responses';
export * from './detection/detect-liquidation';
export * from './detection/assess-claim';
export * from './detection/decimal';
