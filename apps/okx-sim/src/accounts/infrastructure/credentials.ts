import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Fresh credentials shaped like OKX's: numeric uid, UUID api key, 32-hex secret. */
export const newUid = (): string => `${randomInt(100_000_000, 999_999_999)}${randomInt(10_000_000, 99_999_999)}`;
export const newApiKey = (): string => randomUUID();
export const newSecretKey = (): string => randomBytes(16).toString('hex').toUpperCase();
export const newPassphrase = (): string => `Sim-${randomBytes(9).toString('base64url')}`;
