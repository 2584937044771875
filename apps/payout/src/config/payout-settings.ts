import { Wallet, ZeroAddress } from 'ethers';
import { chainConfigFromSettings, type ChainConfig } from '@liqpass/chain';
import type { ServiceConfigOf } from '@liqpass/config';
import { USDC_UNIT } from '../payouts/domain/payout';
import type { PayoutLimits } from '../payouts/domain/payout-limits';

/** What the payout service needs, typed, from its validated settings. */
export interface PayoutSettings {
  readonly chain: ChainConfig;
  readonly executorKey: string;
  readonly executorAddress: string;
  readonly limits: PayoutLimits;
  /** Base units. */
  readonly hotBalanceCeiling: bigint;
  readonly pollIntervalMs: number;
}

export const PAYOUT_SETTINGS = Symbol('PAYOUT_SETTINGS');

export function payoutSettingsFrom(config: ServiceConfigOf<'payout'>): PayoutSettings {
  const chain = chainConfigFromSettings(config);
  for (const [setting, value] of [
    ['CHAIN_USDC_ADDRESS', chain.contracts.usdc],
    ['CHAIN_TREASURY_SAFE_ADDRESS', chain.contracts.treasurySafe],
  ] as const) {
    if (value === ZeroAddress) throw new Error(`payout: ${setting} is the zero address; set the deployed contract's address`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(config.PAYOUT_EXECUTOR_PRIVATE_KEY)) {
    throw new Error('payout: PAYOUT_EXECUTOR_PRIVATE_KEY must be a 0x-prefixed 32-byte hex private key');
  }
  let executorAddress: string;
  try {
    executorAddress = new Wallet(config.PAYOUT_EXECUTOR_PRIVATE_KEY).address;
  } catch {
    throw new Error('payout: PAYOUT_EXECUTOR_PRIVATE_KEY is not a valid secp256k1 private key');
  }
  return {
    chain,
    executorKey: config.PAYOUT_EXECUTOR_PRIVATE_KEY,
    executorAddress,
    limits: {
      perClaimCap: BigInt(config.PAYOUT_PER_CLAIM_CAP_USDC) * USDC_UNIT,
      dailyLimit: BigInt(config.PAYOUT_DAILY_LIMIT_USDC) * USDC_UNIT,
      treasuryFloor: BigInt(config.PAYOUT_TREASURY_FLOOR_USDC) * USDC_UNIT,
    },
    hotBalanceCeiling: BigInt(config.TREASURY_HOT_BALANCE_LIMIT_USDC) * USDC_UNIT,
    pollIntervalMs: config.PAYOUT_POLL_INTERVAL_MS,
  };
}
