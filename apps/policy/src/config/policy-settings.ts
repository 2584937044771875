import { Wallet } from 'ethers';
import { chainConfigFromSettings, leverageFromOkx, type ChainConfig } from '@liqpass/chain';
import type { ServiceConfigOf } from '@liqpass/config';
import { ConfigError } from '@liqpass/config';
import { parseUsdc, type PricingConfig } from '@liqpass/pricing';

export type PolicyConfig = ServiceConfigOf<'policy'>;

/** The policy service's settings, turned into the objects its parts use. */
export interface PolicySettings {
  readonly chain: ChainConfig;
  /** The quote signer; its address must be the checkout's QUOTE_SIGNER. */
  readonly signer: Wallet;
  readonly pricing: PricingConfig;
  readonly quoteTtlSeconds: number;
  readonly cancelGraceSeconds: number;
  readonly waitingPeriodSeconds: number;
  readonly okx: { readonly baseUrl: string; readonly timeoutMs: number };
  readonly okxBindingTimeoutMs: number;
  readonly volatilityCacheMs: number;
  readonly capacity: { readonly instrumentBps: number; readonly totalBps: number; readonly extraCapitalUsdc: bigint; readonly balanceCacheMs: number; readonly exposureCacheMs: number };
  readonly expiry: { readonly intervalMs: number; readonly leaseTtlMs: number; readonly batchSize: number };
}

export const POLICY_SETTINGS = Symbol('POLICY_SETTINGS');

const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** Never echoes the value: it is a signing key. */
function isSecp256k1Key(value: string): boolean {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) return false;
  const key = BigInt(value);
  return key > 0n && key < SECP256K1_ORDER;
}

/** Cross-setting checks the schema cannot make; throws a ConfigError naming the settings. */
export function policySettings(config: PolicyConfig): PolicySettings {
  const problems: { setting: string; problem: string }[] = [];
  const lev = (setting: 'PRICING_MIN_LEVERAGE' | 'PRICING_MAX_LEVERAGE') => {
    try {
      return Number(leverageFromOkx(config[setting]));
    } catch {
      problems.push({ setting, problem: 'must be a leverage with at most 2 decimals' });
      return 0;
    }
  };
  const minLev = lev('PRICING_MIN_LEVERAGE');
  const maxLev = lev('PRICING_MAX_LEVERAGE');
  if (minLev < 100 || minLev > maxLev) problems.push({ setting: 'PRICING_MIN_LEVERAGE', problem: 'must be at least 1 and at most PRICING_MAX_LEVERAGE' });
  const pairs = [
    ['PRICING_MIN_PRINCIPAL_USDC', 'PRICING_MAX_PRINCIPAL_USDC'],
    ['PRICING_MIN_PAYOUT_USDC', 'PRICING_MAX_PAYOUT_USDC'],
  ] as const;
  for (const [min, max] of pairs) if (parseUsdc(config[min]) > parseUsdc(config[max])) problems.push({ setting: min, problem: `must not exceed ${max}` });
  if (config.PRICING_MIN_COVERAGE_SECONDS > config.PRICING_MAX_COVERAGE_SECONDS) problems.push({ setting: 'PRICING_MIN_COVERAGE_SECONDS', problem: 'must not exceed PRICING_MAX_COVERAGE_SECONDS' });
  if (config.PRICING_VOL_FLOOR_PCT > config.PRICING_VOL_CAP_PCT) problems.push({ setting: 'PRICING_VOL_FLOOR_PCT', problem: 'must not exceed PRICING_VOL_CAP_PCT' });
  if (config.EXPIRY_LEASE_TTL_MS <= config.EXPIRY_INTERVAL_MS) problems.push({ setting: 'EXPIRY_LEASE_TTL_MS', problem: 'must be longer than EXPIRY_INTERVAL_MS' });
  if (!isSecp256k1Key(config.QUOTE_SIGNER_PRIVATE_KEY)) {
    problems.push({ setting: 'QUOTE_SIGNER_PRIVATE_KEY', problem: 'must be a secp256k1 private key: 0x and 64 hex digits, not zero, below the curve order' });
  }
  if (problems.length > 0) throw new ConfigError('policy', problems);
  return {
    chain: chainConfigFromSettings(config),
    signer: new Wallet(config.QUOTE_SIGNER_PRIVATE_KEY),
    pricing: {
      instruments: config.PRICING_INSTRUMENTS,
      minLeverageHundredths: minLev,
      maxLeverageHundredths: maxLev,
      minPrincipalUsdc: parseUsdc(config.PRICING_MIN_PRINCIPAL_USDC),
      maxPrincipalUsdc: parseUsdc(config.PRICING_MAX_PRINCIPAL_USDC),
      minPayoutUsdc: parseUsdc(config.PRICING_MIN_PAYOUT_USDC),
      maxPayoutUsdc: parseUsdc(config.PRICING_MAX_PAYOUT_USDC),
      minCoverageSeconds: config.PRICING_MIN_COVERAGE_SECONDS,
      maxCoverageSeconds: config.PRICING_MAX_COVERAGE_SECONDS,
      payoutRatioBps: config.PRICING_PAYOUT_RATIO_BPS,
      riskLoadBps: config.PRICING_RISK_LOAD_BPS,
      fixedFeeUsdc: parseUsdc(config.PRICING_FIXED_FEE_USDC),
      minPremiumUsdc: parseUsdc(config.PRICING_MIN_PREMIUM_USDC),
      maxProbability: config.PRICING_MAX_PROBABILITY_BPS / 10_000,
      maintenanceMarginRatio: config.PRICING_MAINTENANCE_MARGIN_BPS / 10_000,
      volatility: { bar: config.PRICING_VOL_BAR, candles: config.PRICING_VOL_CANDLES, floor: config.PRICING_VOL_FLOOR_PCT / 100, cap: config.PRICING_VOL_CAP_PCT / 100 },
    },
    quoteTtlSeconds: config.QUOTE_TTL_SECONDS,
    cancelGraceSeconds: config.QUOTE_CANCEL_GRACE_SECONDS,
    waitingPeriodSeconds: config.WAITING_PERIOD_SECONDS,
    okx: { baseUrl: config.OKX_BASE_URL, timeoutMs: config.OKX_REQUEST_TIMEOUT_MS },
    okxBindingTimeoutMs: config.OKX_BINDING_TIMEOUT_MS,
    volatilityCacheMs: config.PRICING_VOL_CACHE_SECONDS * 1000,
    capacity: {
      instrumentBps: config.CAPACITY_INSTRUMENT_BPS,
      totalBps: config.CAPACITY_TOTAL_BPS,
      extraCapitalUsdc: parseUsdc(config.CAPACITY_EXTRA_CAPITAL_USDC),
      balanceCacheMs: config.TREASURY_BALANCE_CACHE_SECONDS * 1000,
      exposureCacheMs: config.CAPACITY_EXPOSURE_CACHE_MS,
    },
    expiry: { intervalMs: config.EXPIRY_INTERVAL_MS, leaseTtlMs: config.EXPIRY_LEASE_TTL_MS, batchSize: config.EXPIRY_BATCH_SIZE },
  };
}
