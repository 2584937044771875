/** The local stack's chain (LOCAL-STACK.md): anvil, chain id 31337, on 8545. */
export const LOCAL_CHAIN_ID = 31337;
export const LOCAL_RPC_URL = 'http://127.0.0.1:8545';

/**
 * Where `deployLocalChain` puts everything on a fresh anvil with the default mnemonic: the
 * deployer's nonces start at 0 and the order never changes, so the addresses never change
 * either (the integration test holds this). They are the services' defaults, which is how the
 * local stack runs with no configuration.
 */
export const LOCAL_DEPLOYMENT = {
  usdc: '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e',
  checkout: '0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1',
  treasurySafe: '0xBBD3E9fBd4E418889BC3B6B2a12C2EA510acE7Ff',
} as const;
