/** What the web app (or any client) needs to talk to the chain and OKX, served by GET /config. */
export interface PublicConfig {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly confirmations: number;
  readonly contracts: { readonly usdc: string | null; readonly checkout: string | null; readonly treasurySafe: string | null };
  readonly okxBaseUrl: string;
}

export interface PublicConfigSettings {
  readonly CHAIN_ID: number;
  readonly CHAIN_RPC_URL: string;
  readonly CHAIN_CONFIRMATIONS: number;
  readonly USDC_ADDRESS?: string;
  readonly CHECKOUT_ADDRESS?: string;
  readonly TREASURY_SAFE_ADDRESS?: string;
  readonly OKX_BASE_URL: string;
}

/** Only these settings are public; a contract not deployed yet is null rather than absent. */
export function toPublicConfig(settings: PublicConfigSettings): PublicConfig {
  return {
    chainId: settings.CHAIN_ID,
    rpcUrl: settings.CHAIN_RPC_URL,
    confirmations: settings.CHAIN_CONFIRMATIONS,
    contracts: {
      usdc: settings.USDC_ADDRESS ?? null,
      checkout: settings.CHECKOUT_ADDRESS ?? null,
      treasurySafe: settings.TREASURY_SAFE_ADDRESS ?? null,
    },
    okxBaseUrl: settings.OKX_BASE_URL,
  };
}
