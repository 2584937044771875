import { chainConfigFromSettings, type ChainSettings } from '@liqpass/chain';

/** What the web app (or any client) needs to talk to the chain and OKX, served by GET /config. */
export interface PublicConfig {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly confirmations: number;
  readonly contracts: { readonly usdc: string; readonly checkout: string; readonly treasurySafe: string };
  readonly okxBaseUrl: string;
}

/**
 * Only these settings are public. The chain part is libs/chain's ChainConfig — the same values
 * the payment listener and the policy service read from the same CHAIN_* settings.
 */
export function toPublicConfig(settings: ChainSettings & { readonly OKX_BASE_URL: string }): PublicConfig {
  const chain = chainConfigFromSettings(settings);
  return {
    chainId: chain.chainId,
    rpcUrl: chain.rpcUrl,
    confirmations: chain.confirmations,
    contracts: { usdc: chain.contracts.usdc, checkout: chain.contracts.checkout, treasurySafe: chain.contracts.treasurySafe },
    okxBaseUrl: settings.OKX_BASE_URL,
  };
}
