import { z } from 'zod';
import { RpcError } from '@liqpass/service-kit';

/** A wallet address as the gateway passes it (EIP-55); stored and compared in lower case. */
export const walletAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-40-hex address')
  .transform((wallet) => wallet.toLowerCase());

/** The request the gateway sends for a trader's route (api-gateway README: "What a service receives"). */
export const traderRequest = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(shape: { params: P; query: Q; body: B }) =>
  z.object({
    caller: z.object({ kind: z.literal('wallet'), wallet: walletAddress }),
    params: shape.params,
    query: shape.query,
    body: shape.body,
  });

export const uuid = z.uuid();
export const instId = z.string().regex(/^[A-Z0-9]{1,16}(-[A-Z0-9]{1,16}){1,3}$/, 'expected an OKX instrument id like BTC-USDT-SWAP');
export const okxId = z.string().regex(/^[0-9]{1,32}$/, 'expected a string of digits');
export const anyObject = z.record(z.string(), z.unknown()).nullish();

/** The gateway validated the request already; this guards the service against any other caller. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`);
  throw new RpcError('VALIDATION_FAILED', problems.join('; '), 400);
}
