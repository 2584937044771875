import { z } from 'zod';
import { isFaultCode } from '../../../faults/domain/fault-rules';

/**
 * `POST /sim/faults`. `path` is '*' (default: every /api/v5 path), an exact path, or a prefix
 * ending in '*'. An `errorCode` without `errorRate` fails every request; an `errorRate`
 * without `errorCode` answers 50001. `{ clear: true }` removes every rule.
 */
export const setFaultCommand = z
  .object({
    path: z.string().regex(/^(\*|\/\S*)$/, "must be '*' or start with /").default('*'),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    errorCode: z
      .union([z.string(), z.number().int()])
      .transform(String)
      .refine(isFaultCode, 'must be an OKX error code from the table or an HTTP status 500–599')
      .optional(),
    clear: z.boolean().optional(),
  })
  .strict();

export type SetFaultCommand = z.infer<typeof setFaultCommand>;
