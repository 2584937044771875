import { z } from 'zod';
import { positiveNumber } from '../../domain/command-fields';

/**
 * `POST /sim/accounts`. Without `uid` a new account is made; with the uid of an existing
 * account a further key is added to it (one OKX uid, several keys). Credentials may be fixed
 * (e.g. OKX's documented example secret) or are generated.
 */
export const createAccountCommand = z
  .object({
    uid: z.string().regex(/^\d{1,20}$/, 'must be a numeric uid').optional(),
    perm: z.string().default('read_only'),
    demo: z.boolean().default(false),
    ipWhitelist: z.array(z.string().min(1)).max(20).default([]),
    label: z.string().max(50).default('okx-sim'),
    posMode: z.enum(['long_short_mode', 'net_mode']).default('long_short_mode'),
    balance: positiveNumber.default(10_000),
    apiKey: z.string().min(1).max(64).optional(),
    secretKey: z.string().min(1).max(128).optional(),
    passphrase: z.string().min(1).max(64).optional(),
  })
  .strict();

export type CreateAccountCommand = z.infer<typeof createAccountCommand>;

export const revokeKeyCommand = z.object({ apiKey: z.string().min(1) }).strict();
export type RevokeKeyCommand = z.infer<typeof revokeKeyCommand>;
