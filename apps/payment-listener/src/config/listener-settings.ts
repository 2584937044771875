import { ZeroAddress } from 'ethers';
import { chainConfigFromSettings, PREMIUM_PAID_TOPIC, type ChainConfig } from '@liqpass/chain';
import type { ServiceConfigOf } from '@liqpass/config';

/** What the listener and reconciliation need, typed, from the service's validated settings. */
export interface ListenerSettings {
  readonly chain: ChainConfig;
  /** The current checkout and every earlier one (the contract is not upgradeable). */
  readonly checkouts: readonly string[];
  readonly topic: string;
  readonly startBlock: number;
  readonly pollIntervalMs: number;
  readonly liveRange: number;
  readonly backfillRange: number;
  readonly reorgWindow: number;
  readonly leaseTtlMs: number;
  /** Events per transaction while catching up; chunks end on block boundaries. */
  readonly eventsPerCommit: number;
  /** About how many logs one tick reads (and holds in memory) while catching up. */
  readonly logsPerRead: number;
  readonly reconciliationIntervalMs: number;
  /** Base units. */
  readonly hotBalanceLimit: bigint;
}

export const LISTENER_SETTINGS = Symbol('LISTENER_SETTINGS');

const USDC_UNIT = 1_000_000n;
const EVENTS_PER_COMMIT = 1000;

export function listenerSettingsFrom(config: ServiceConfigOf<'payment-listener'>): ListenerSettings {
  const chain = chainConfigFromSettings(config);
  // The zero address is what an unfilled manifest holds: refuse it rather than watch nothing.
  for (const [setting, value] of [
    ['CHAIN_CHECKOUT_ADDRESS', chain.contracts.checkout],
    ['CHAIN_USDC_ADDRESS', chain.contracts.usdc],
    ['CHAIN_TREASURY_SAFE_ADDRESS', chain.contracts.treasurySafe],
  ] as const) {
    if (value === ZeroAddress) throw new Error(`payment-listener: ${setting} is the zero address; set the deployed contract's address`);
  }
  return {
    chain,
    checkouts: [chain.contracts.checkout, ...chain.previousCheckouts.filter((a) => a !== chain.contracts.checkout)],
    topic: PREMIUM_PAID_TOPIC,
    startBlock: config.LISTENER_START_BLOCK,
    pollIntervalMs: config.LISTENER_POLL_INTERVAL_MS,
    liveRange: config.LISTENER_BLOCK_RANGE,
    backfillRange: config.LISTENER_BACKFILL_BLOCK_RANGE,
    reorgWindow: config.LISTENER_REORG_WINDOW,
    leaseTtlMs: config.LISTENER_LEASE_TTL_MS,
    eventsPerCommit: EVENTS_PER_COMMIT,
    logsPerRead: 2 * EVENTS_PER_COMMIT,
    reconciliationIntervalMs: config.RECONCILIATION_INTERVAL_HOURS * 3_600_000,
    hotBalanceLimit: BigInt(config.TREASURY_HOT_BALANCE_LIMIT_USDC) * USDC_UNIT,
  };
}
