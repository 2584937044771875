/**
 * Gas limits for the local deployment (TxSequence says why they are fixed): about 1.3× what
 * each step used when measured on anvil, and together under anvil's 30M block gas limit so
 * that with --block-time 1 the whole deployment can land in one block. A step that runs out
 * reverts and deployLocalChain names it.
 */
export const DEPLOY_GAS = {
  safeSingleton: 6_500_000n, // used 4.86M
  proxyFactory: 1_000_000n, // 0.77M
  fallbackHandler: 1_900_000n, // 1.41M
  safeHelper: 450_000n, // ≤ 0.29M each
  safeProxy: 400_000n, // 0.30M
  signatureChecker: 600_000n, // 0.43M
  fiatToken: 6_700_000n, // 5.11M
  fiatTokenProxy: 700_000n, // 0.49M
  initialize: 300_000n, // 0.21M
  call: 150_000n, // ≤ 0.09M
  mint: 150_000n, // 0.09M
  checkout: 2_600_000n, // 1.92M
} as const;
