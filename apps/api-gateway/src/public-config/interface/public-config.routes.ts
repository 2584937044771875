import { z } from 'zod';
import { defineRoute } from '../../http-edge/domain/route-definition';

const address = z.string();

export const PUBLIC_CONFIG_ROUTES = {
  get: defineRoute({
    id: 'config.get',
    method: 'GET',
    path: '/config',
    tag: 'config',
    summary: 'Chain, contract addresses and OKX base URL for clients (no authentication)',
    access: { kind: 'public' },
    response: z.object({
      chainId: z.number(),
      rpcUrl: z.string(),
      confirmations: z.number(),
      contracts: z.object({ usdc: address, checkout: address, treasurySafe: address }),
      okxBaseUrl: z.string(),
    }),
    successStatus: 200,
  }),
} as const;
