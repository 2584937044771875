import { z } from 'zod';

/** Control bodies accept numbers as JSON numbers or as OKX-style decimal strings. */
export const positiveNumber = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal number')]).transform(Number).pipe(z.number().positive('must be positive'));

/** Back-dates an event (Unix ms): how tests reach OKX's retention windows without waiting. */
export const eventTime = z.number().int().nonnegative().optional();

export const requiredId = z.string().min(1, 'is required');
