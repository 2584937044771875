/**
 * One LiqPass journey through the public API only (the gateway, the OKX simulator's control
 * API, the wallets' own chain transactions): what `npm run demo` runs once and the fault drills
 * run in a stream. Tagged scope:tools — a client of the platform, never imported by a service.
 */
export * from './claim';
export * from './demo-error';
export * from './demo-settings';
export * from './format';
export * from './insure';
export * from './journey';
export * from './json-api';
export * from './payout';
export * from './poll';
export * from './sign-in';
export * from './siwe';
export * from './stack';
export * from './step-runner';
export * from './wire-types';
