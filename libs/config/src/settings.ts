import { z } from 'zod';

/** Reusable, strict parsers for environment values (env values are always strings). */
export const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a TCP port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

export const positiveInt = (fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive').default(fallback);

export const url = (protocols: readonly string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    }, `must be a URL with scheme ${protocols.join(' or ')}`);

export const sqlIdentifier = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^[a-z_][a-z0-9_]{0,62}$/.test(value), 'must be a lower-case SQL identifier');

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  .default('info');

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const natsToken = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^[a-z][a-z0-9_-]{0,31}$/.test(value), 'must be a lower-case NATS subject token (letters, digits, - or _)');
