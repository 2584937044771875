/**
 * @liqpass/chain — everything TypeScript needs to know about LiqPass's contracts: the EIP-712
 * quote (types, domain, sign/hash/verify, wire form), the checkout ABI and PremiumPaid decoding,
 * paying helpers, the chain configuration schema, and the local chain (anvil, FiatToken USDC,
 * treasury Safe, checkout). It never holds production keys and never decides business rules.
 */
export * from './quote/quote';
export * from './quote/quote-message';
export * from './quote/sign-quote';
export * from './quote/leverage';
export * from './abi/checkout-abi';
export * from './checkout/pay-premium';
export * from './usdc/usdc-permit';
export * from './config/chain-config';
export * from './artifacts/contract-artifact';
export * from './artifacts/forge-artifacts';
export * from './artifacts/package-artifacts';
export * from './artifacts/workspace-paths';
export * from './local/local-accounts';
export * from './local/local-deployment';
export * from './local/start-anvil';
export * from './local/deploy-local-chain';
export type { SafeInfrastructure } from './local/deploy/safe.deploy';
