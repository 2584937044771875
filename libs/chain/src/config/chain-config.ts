import { getAddress } from 'ethers';
import { z } from 'zod';
import { wire } from '@liqpass/events';
import { LOCAL_CHAIN_ID, LOCAL_DEPLOYMENT, LOCAL_RPC_URL } from '../local/local-deployment';

const address = wire.walletAddress.transform((value) => getAddress(value));

/**
 * One chain as every service sees it — also the shape GET /config publishes. Real chains are
 * only configuration: chain id, RPC URL, contract and token addresses, confirmations.
 */
export const chainConfigSchema = z.object({
  chainId: z.number().int().positive(),
  rpcUrl: z.url({ protocol: /^(https?|wss?)$/ }),
  /** Blocks a log must be buried under before it counts (CHAIN.md listener step 2). */
  confirmations: z.number().int().nonnegative().default(2),
  contracts: z.object({ usdc: address, checkout: address, treasurySafe: address }),
  /** Earlier checkout deployments the listener still watches (the contract is not upgradeable). */
  previousCheckouts: z.array(address).default([]),
});
export type ChainConfig = z.infer<typeof chainConfigSchema>;

const envInt = (fallback: number, min: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).default(fallback);
const envAddress = (fallback: string) => z.string().default(fallback).pipe(address);

/**
 * The chain settings as environment variables, with local-stack defaults (anvil on 8545 and the
 * addresses a fresh `deployLocalChain` produces). Spread into a service's config schema, then
 * turn the result into a ChainConfig with `chainConfigFromSettings`.
 */
export function chainSettings() {
  return {
    CHAIN_ID: envInt(LOCAL_CHAIN_ID, 1),
    CHAIN_RPC_URL: z.string().default(LOCAL_RPC_URL).pipe(z.url({ protocol: /^(https?|wss?)$/, message: 'must be an http(s) or ws(s) URL' })),
    CHAIN_CONFIRMATIONS: envInt(2, 0),
    CHAIN_USDC_ADDRESS: envAddress(LOCAL_DEPLOYMENT.usdc),
    CHAIN_CHECKOUT_ADDRESS: envAddress(LOCAL_DEPLOYMENT.checkout),
    CHAIN_TREASURY_SAFE_ADDRESS: envAddress(LOCAL_DEPLOYMENT.treasurySafe),
    /** Comma-separated; empty by default. */
    CHAIN_PREVIOUS_CHECKOUT_ADDRESSES: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(address)),
  };
}

export type ChainSettings = z.infer<z.ZodObject<ReturnType<typeof chainSettings>>>;

export function chainConfigFromSettings(settings: ChainSettings): ChainConfig {
  return chainConfigSchema.parse({
    chainId: settings.CHAIN_ID,
    rpcUrl: settings.CHAIN_RPC_URL,
    confirmations: settings.CHAIN_CONFIRMATIONS,
    contracts: {
      usdc: settings.CHAIN_USDC_ADDRESS,
      checkout: settings.CHAIN_CHECKOUT_ADDRESS,
      treasurySafe: settings.CHAIN_TREASURY_SAFE_ADDRESS,
    },
    previousCheckouts: settings.CHAIN_PREVIOUS_CHECKOUT_ADDRESSES,
  });
}
