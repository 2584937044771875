import { z } from 'zod';
import { chainSettings } from '@liqpass/chain';
import { localDbRole, SERVICES, type ServiceName } from './services';
import { booleanFlag, logLevel, natsToken, port, positiveInt, sqlIdentifier, url } from './settings';

export const LOCAL_DATABASE_HOST = '127.0.0.1:5432';
export const LOCAL_DATABASE_NAME = 'liqpass';
/** Local-stack default only; any real deployment sets its own (see infra/). */
export const LOCAL_INTERNAL_API_KEY = 'local-dev-internal-key-change-me';

function httpSettings(service: ServiceName) {
  return {
    HTTP_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
    HTTP_PORT: port(SERVICES[service].defaultHttpPort),
    LOG_LEVEL: logLevel,
  };
}

/** The settings every database- and NATS-backed NestJS service reads, with local-stack defaults. */
export function serviceSettings(service: ServiceName) {
  const schema = SERVICES[service].schema ?? 'public';
  const role = localDbRole(schema);
  return {
    ...httpSettings(service),
    NATS_URL: url(['nats', 'tls'], 'nats://127.0.0.1:4222'),
    DATABASE_URL: url(['postgres', 'postgresql'], `postgres://${role}:${role}@${LOCAL_DATABASE_HOST}/${LOCAL_DATABASE_NAME}`),
    DB_SCHEMA: sqlIdentifier(schema),
    /** First token of every NATS subject and stream name; tests set their own to stay isolated. */
    NATS_SUBJECT_PREFIX: natsToken('liqpass'),
  };
}

// --- parsers of the policy service's settings (its entry below) ---------------------------------
const nonNegativeInt = (fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').default(fallback);
const bps = (fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(10_000, 'must be at most 10000 (100 %)').default(fallback);
/** A non-negative decimal with at most 6 decimals (USDC amounts, leverage), kept as its string. */
const decimalSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^(0|[1-9][0-9]*)(\.[0-9]{1,6})?$/.test(value), 'must be a non-negative decimal with at most 6 decimals');

/**
 * Every deployable's configuration schema, in one catalogue: services load theirs at start-up
 * and the infra consistency test checks docker-compose and Kubernetes manifests against it.
 * A service adds a setting here, next to its defaults.
 */
export const SERVICE_CONFIG_SCHEMAS = {
  'api-gateway': z.object({
    ...serviceSettings('api-gateway'),
    INTERNAL_API_KEY: z.string().min(16, 'must be at least 16 characters').default(LOCAL_INTERNAL_API_KEY),
    /** false refuses /internal/* on this listener (404), for a gateway exposed to the internet. */
    INTERNAL_ROUTES_ENABLED: booleanFlag(true),
    SERVICE_REQUEST_TIMEOUT_MS: positiveInt(5000),
    /**
     * Cacheable reads (GET /claims, GET /claims/:id) are answered from memory until the owning
     * service publishes any event (or a mutation is forwarded to it), and for at most this long
     * should an event be lost; 0 turns the cache off.
     */
    READ_CACHE_TTL_MS: nonNegativeInt(2000),
    /** The answers held, by JSON length (the heap holds a few times that); least recently used go first. */
    READ_CACHE_MAX_BYTES: positiveInt(8 * 1024 * 1024),
    // The chain (CHAIN_ID, CHAIN_RPC_URL, CHAIN_CONFIRMATIONS, CHAIN_*_ADDRESS) as every service
    // reads it; the gateway publishes it unauthenticated at GET /config.
    ...chainSettings(),
    OKX_BASE_URL: url(['http', 'https'], 'http://127.0.0.1:8090'),
    /** HMAC key of the session tokens; local-stack default only, every deployment sets its own. */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default('local-dev-session-secret-change-me-0123456789'),
    SESSION_TTL_SECONDS: positiveInt(900),
    /** A session can be refreshed until this long after sign-in; then the wallet signs in again. */
    SESSION_MAX_AGE_SECONDS: positiveInt(43_200),
    SIWE_NONCE_TTL_SECONDS: positiveInt(300),
    /** The EIP-4361 domain (host[:port]) a sign-in message must name. */
    SIWE_DOMAIN: z
      .string()
      .default('localhost:3000')
      .refine((value) => /^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$/.test(value), 'must be a host name with an optional :port'),
    /** Seeds an empty role table: comma-separated role:0xaddress (roles reviewer, finance, superadmin). */
    ADMIN_WALLETS: z
      .string()
      .default(
        'superadmin:0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266,reviewer:0x70997970C51812dc3A010C7d01b50e0d17dc79C8,finance:0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      )
      .refine(
        (value) =>
          value.trim() === '' ||
          value.split(',').every((pair) => /^\s*(reviewer|finance|superadmin):0x[0-9a-fA-F]{40}\s*$/.test(pair)),
        'must be comma-separated role:0xaddress pairs, role one of reviewer, finance, superadmin',
      )
      .transform((value) =>
        value.trim() === ''
          ? []
          : value.split(',').map((pair) => {
              const [role, wallet] = pair.trim().split(':');
              return { role: role as 'reviewer' | 'finance' | 'superadmin', wallet };
            }),
      ),
    /** Browser origins allowed to call the gateway (the web app). */
    CORS_ORIGINS: z
      .string()
      .default('http://127.0.0.1:5173,http://localhost:5173')
      .refine(
        (value) => value.split(',').every((origin) => /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(origin.trim())),
        'must be comma-separated origins like http://localhost:5173 (scheme, host, optional port, no path)',
      )
      .transform((value) => value.split(',').map((origin) => origin.trim())),
    RATE_LIMIT_IP_PER_MINUTE: positiveInt(600),
    RATE_LIMIT_WALLET_PER_MINUTE: positiveInt(300),
    /** Largest request body accepted (requests are small JSON documents); at most 262144. */
    HTTP_BODY_LIMIT_BYTES: positiveInt(16_384).refine((value) => value <= 262_144, 'must be at most 262144'),
  }),
  policy: z.object({
    ...serviceSettings('policy'),
    // The chain premiums are paid on (quotes are signed for its checkout; mark-paid reads it).
    ...chainSettings(),
    /**
     * Private key of the quote signer the checkout trusts (0x + 64 hex). Local default: anvil
     * account 0, the local checkout's signer; every deployment sets its own (a secret).
     */
    QUOTE_SIGNER_PRIVATE_KEY: z
      .string()
      .default('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
      // Checked strictly at start-up by policy (apps/policy/src/config): 0x + 64 hex, a valid secp256k1 key.
      .refine((value) => value.trim() !== '', 'must not be empty'),
    /** A quote can be bought and paid (its EIP-712 deadline) for this long. */
    QUOTE_TTL_SECONDS: positiveInt(300),
    /** Unpaid orders are cancelled this long after their quote expired: a payment made just before the deadline may still be confirming. */
    QUOTE_CANCEL_GRACE_SECONDS: nonNegativeInt(120),
    /** Coverage starts this long after the later of payment and binding (PRODUCT.md §5); 0 locally. */
    WAITING_PERIOD_SECONDS: nonNegativeInt(0),
    /** OKX public market data (candles for volatility): OKX itself in production; the simulator locally. */
    OKX_BASE_URL: url(['http', 'https'], 'http://127.0.0.1:8090'),
    OKX_REQUEST_TIMEOUT_MS: positiveInt(4000),
    /** How long to wait for okx-binding (positions for a quote, bindings.verify). */
    OKX_BINDING_TIMEOUT_MS: positiveInt(4500),
    /** Comma-separated OKX instIds that may be insured. */
    PRICING_INSTRUMENTS: z
      .string()
      .default('BTC-USDT-SWAP,ETH-USDT-SWAP,SOL-USDT-SWAP,BTC-USDT-261225,BTC-USDT,ETH-USDT')
      .refine((value) => value.split(',').every((id) => /^[A-Z0-9]{1,16}(-[A-Z0-9]{1,16}){1,3}$/.test(id.trim())), 'must be comma-separated OKX instIds like BTC-USDT-SWAP')
      .transform((value) => value.split(',').map((id) => id.trim())),
    PRICING_MIN_LEVERAGE: decimalSetting('1'),
    PRICING_MAX_LEVERAGE: decimalSetting('100'),
    /** Whole-USDC or decimal amounts (at most 6 decimals). */
    PRICING_MIN_PRINCIPAL_USDC: decimalSetting('10'),
    PRICING_MAX_PRINCIPAL_USDC: decimalSetting('100000'),
    PRICING_MIN_PAYOUT_USDC: decimalSetting('5'),
    PRICING_MAX_PAYOUT_USDC: decimalSetting('50000'),
    PRICING_MIN_COVERAGE_SECONDS: positiveInt(3600),
    PRICING_MAX_COVERAGE_SECONDS: positiveInt(30 * 86_400),
    /** Payout = principal × this / 10000 (the cap is the principal). */
    PRICING_PAYOUT_RATIO_BPS: bps(8000),
    PRICING_RISK_LOAD_BPS: nonNegativeInt(2500),
    PRICING_FIXED_FEE_USDC: decimalSetting('0.5'),
    PRICING_MIN_PREMIUM_USDC: decimalSetting('1'),
    /** Positions more likely than this (basis points) to be liquidated within the coverage are refused. */
    PRICING_MAX_PROBABILITY_BPS: bps(5000),
    /** Only to estimate a liquidation price OKX does not show. */
    PRICING_MAINTENANCE_MARGIN_BPS: bps(50),
    PRICING_VOL_BAR: z.enum(['1m', '5m', '15m', '30m', '1H', '2H', '4H', '1D'], { message: 'must be an OKX bar: 1m, 5m, 15m, 30m, 1H, 2H, 4H or 1D' }).default('1H'),
    PRICING_VOL_CANDLES: positiveInt(168).refine((value) => value >= 10 && value <= 300, 'must be between 10 and 300'),
    /** Annualised volatility bounds, in percent. */
    PRICING_VOL_FLOOR_PCT: positiveInt(20),
    PRICING_VOL_CAP_PCT: positiveInt(300),
    /** Candles are fetched at most this often per instrument. */
    PRICING_VOL_CACHE_SECONDS: positiveInt(60),
    /** Open exposure (sum of payout caps) allowed per instrument and in total, in basis points of the capital. */
    CAPACITY_INSTRUMENT_BPS: bps(2500),
    CAPACITY_TOTAL_BPS: positiveInt(10_000),
    /** Capital committed beyond the treasury's USDC balance (e.g. a reserve held elsewhere); lets the local stack quote with an empty Safe. */
    CAPACITY_EXTRA_CAPITAL_USDC: decimalSetting('1000000'),
    TREASURY_BALANCE_CACHE_SECONDS: positiveInt(15),
    /** Quotes check capacity against open exposure read at most this often (orders re-check it live). */
    CAPACITY_EXPOSURE_CACHE_MS: positiveInt(1000),
    /** The expiry scheduler's tick, lease and batch; one replica holds the lease. */
    EXPIRY_INTERVAL_MS: positiveInt(1000),
    EXPIRY_LEASE_TTL_MS: positiveInt(15_000),
    EXPIRY_BATCH_SIZE: positiveInt(200),
  }),
  'okx-binding': z.object({
    ...serviceSettings('okx-binding'),
    /** OKX itself (https://www.okx.com) in production; the simulator locally. */
    OKX_BASE_URL: url(['http', 'https'], 'http://127.0.0.1:8090'),
    /** Demo-trading keys: every request carries `x-simulated-trading: 1`. */
    OKX_DEMO_TRADING: booleanFlag(false),
    /** Longest one OKX read may take, retries included (callers are waiting: the gateway gives up at 5 s). */
    OKX_REQUEST_TIMEOUT_MS: positiveInt(4000),
    /**
     * AES-256-GCM keys for the linked OKX credentials: comma-separated `keyId:base64` (32 bytes
     * each); the first encrypts, every one decrypts (rotation). Checked strictly at start-up by
     * okx-binding (apps/okx-binding/src/config); local-stack default only.
     */
    OKX_ENCRYPTION_KEYS: z
      .string()
      .default('local-dev:pgXfEPALTaWF1PQbRwHYou1noxEUjDhyX1GmJrxuqxI=')
      .refine((value) => value.trim() !== '', 'must not be empty'),
    /** Binding refuses a position whose mark price is closer than this to its liquidation price (basis points of the mark). */
    BIND_MIN_LIQ_DISTANCE_BPS: z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(10_000, 'must be at most 10000 (100 %)')
      .default(50),
  }),
  'payment-listener': z.object({
    ...serviceSettings('payment-listener'),
    ...chainSettings(),
    /** First block read when the chain has no cursor yet: the checkout's deployment block on a real chain. */
    LISTENER_START_BLOCK: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').default(0),
    /** Pause between ticks once the listener has caught up with head − confirmations. */
    LISTENER_POLL_INTERVAL_MS: positiveInt(1000),
    /** Blocks per eth_getLogs range when close to the head; ranges split further when a provider refuses. */
    LISTENER_BLOCK_RANGE: positiveInt(100),
    /** Blocks per range while catching up (backfill): the usual provider limit. */
    LISTENER_BACKFILL_BLOCK_RANGE: positiveInt(2000),
    /** Recent block hashes kept for the reorg walk-back; a deeper reorg stops the listener. */
    LISTENER_REORG_WINDOW: positiveInt(128),
    /** One listener per chain holds this lease; a standby takes over when it lapses. */
    LISTENER_LEASE_TTL_MS: positiveInt(15_000),
    RECONCILIATION_INTERVAL_HOURS: positiveInt(24),
    /** Whole USDC: reconciliation alerts when the treasury (hot wallet) holds more. */
    TREASURY_HOT_BALANCE_LIMIT_USDC: positiveInt(1_000_000),
  }),
  'claims-verifier': z.object({
    ...serviceSettings('claims-verifier'),
    /** Private key that signs evidence bundles (EIP-712); local-stack default only, every deployment sets its own. */
    EVIDENCE_SIGNER_KEY: z
      .string()
      .default('0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97')
      .refine((value) => /^0x[0-9a-fA-F]{64}$/.test(value) && !/^0x0{64}$/.test(value), 'must be a 0x-prefixed 32-byte hex private key'),
    /** A claim still VERIFYING this long after its verification started is FAILED with VERIFY_TIMEOUT. */
    VERIFY_DEADLINE_MS: positiveInt(10_000),
    /**
     * A claim whose verification has not started this long after it was requested (a storm
     * queued behind the verifiers, or no verifier running) is FAILED with VERIFY_TIMEOUT: queued
     * claims wait their turn rather than fail, but nothing waits for ever.
     */
    VERIFY_START_WITHIN_MS: positiveInt(120_000),
    /**
     * One try at okx-binding's account.read inside the deadline: longer than okx-binding's own
     * OKX_REQUEST_TIMEOUT_MS (4 s, its reads run in parallel), so a healthy but slow answer is
     * waited for; a try that gets no answer (okx-binding killed mid-request, or none running)
     * is made again while the deadline allows.
     */
    OKX_BINDING_ATTEMPT_MS: positiveInt(5_000),
    /**
     * Claims verified at once by one replica. Their OKX reads hold no database connection (each
     * decision is one short transaction), so this may be well above the pool size; it bounds the
     * OKX reads in flight and so the load a storm puts on okx-binding and OKX.
     */
    VERIFY_CONCURRENCY: positiveInt(64),
    /** How often the sweeper looks for claims past their deadline. */
    VERIFY_SWEEP_INTERVAL_MS: positiveInt(2_000),
    /**
     * A claim refused only because this service has not yet seen the policy's latest events
     * (unpaid, unbound, unknown) is looked at again for up to this long before the refusal
     * stands: the trader may press Claim the moment the policy service shows ACTIVE. 0: never.
     */
    CLAIM_READ_MODEL_WAIT_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(4000, 'must stay under the gateway timeout').default(3000),
    /** Claims may be filed until coverage end + this grace period (PRODUCT.md §5: 7 days). */
    CLAIM_GRACE_SECONDS: positiveInt(604_800),
    /** Claims one wallet (or one OKX uid) may open per 30 days before CLAIM_RATE_LIMITED. */
    CLAIMS_PER_30_DAYS: positiveInt(5),
    /** Comma-separated wallets refused with BLACKLISTED. */
    BLACKLISTED_WALLETS: z.string().default(''),
    /** Comma-separated OKX uids refused with BLACKLISTED. */
    BLACKLISTED_OKX_UIDS: z.string().default(''),
    /** The token ClaimApproved asks the payout service to pay in (USDC on the policy's chain). */
    PAYOUT_TOKEN_ADDRESS: z
      .string()
      .default('0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e') // the local stack's USDC (libs/chain LOCAL_DEPLOYMENT.usdc)
      .refine((value) => /^0x[0-9a-fA-F]{40}$/.test(value), 'must be a 0x address'),
  }),
  payout: z.object({
    ...serviceSettings('payout'),
    ...chainSettings(),
    /**
     * Key of the account that sends `execTransaction` (pays gas, holds no authority: the owners'
     * signatures do). Checked strictly at start-up by payout (apps/payout/src/config). Local-stack
     * default only: anvil account 2; every deployment sets its own.
     */
    PAYOUT_EXECUTOR_PRIVATE_KEY: z
      .string()
      .default('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a')
      .refine((value) => value.trim() !== '', 'must not be empty'),
    /** Whole USDC: a larger payout is held (PER_CLAIM_CAP_EXCEEDED) instead of proposed. */
    PAYOUT_PER_CLAIM_CAP_USDC: positiveInt(10_000),
    /** Whole USDC proposed per UTC day; a payout beyond it is held (DAILY_LIMIT_EXCEEDED). */
    PAYOUT_DAILY_LIMIT_USDC: positiveInt(100_000),
    /** Whole USDC the treasury must keep after pending payouts; below it a payout is held and an alert raised. */
    PAYOUT_TREASURY_FLOOR_USDC: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').default(0),
    /** Whole USDC: above it the treasury (hot wallet) raises an alert. */
    TREASURY_HOT_BALANCE_LIMIT_USDC: positiveInt(1_000_000),
    /** Pause between checks of sent payout transactions and the treasury balance. */
    PAYOUT_POLL_INTERVAL_MS: positiveInt(2000),
  }),
  'okx-sim': z.object(httpSettings('okx-sim')),
} as const satisfies Record<ServiceName, z.ZodObject>;

export type ServiceConfigOf<S extends ServiceName> = z.infer<(typeof SERVICE_CONFIG_SCHEMAS)[S]>;
/** The settings shared by every database- and NATS-backed service. */
export type BaseServiceConfig = z.infer<z.ZodObject<ReturnType<typeof serviceSettings>>>;
