import { Interface, type Log } from 'ethers';

const QUOTE_TUPLE =
  'tuple(bytes32 orderId, address buyer, uint256 premium, uint256 payout, uint256 payoutCap, uint64 coverageSeconds, string instrument, uint32 leverage, uint64 deadline) quote';

/**
 * LiqPassCheckout's ABI for services, which must run without the forge build output (it is not
 * committed). The integration tests check it against contracts/out/LiqPassCheckout.sol/LiqPassCheckout.json.
 */
export const CHECKOUT_ABI = [
  `function payPremium(${QUOTE_TUPLE}, bytes signature) returns (bytes32 quoteHash)`,
  `function payPremiumWithPermit(${QUOTE_TUPLE}, bytes signature, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) returns (bytes32 quoteHash)`,
  `function hashQuote(${QUOTE_TUPLE}) view returns (bytes32)`,
  'function paid(bytes32 orderId) view returns (bool)',
  'function token() view returns (address)',
  'function treasury() view returns (address)',
  'function quoteSigner() view returns (address)',
  'function paused() view returns (bool)',
  'function QUOTE_TYPEHASH() view returns (bytes32)',
  'function PAUSER_ROLE() view returns (bytes32)',
  'function DEFAULT_ADMIN_ROLE() view returns (bytes32)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function setQuoteSigner(address newSigner)',
  'function setTreasury(address newTreasury)',
  'function pause()',
  'function unpause()',
  'function sweep(address anyToken)',
  'event PremiumPaid(bytes32 indexed orderId, address indexed buyer, address token, uint256 premium, uint256 payout, uint256 payoutCap, uint64 coverageSeconds, bytes32 quoteHash, address treasury)',
  'event QuoteSignerChanged(address indexed previousSigner, address indexed newSigner)',
  'event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury)',
  'event Paused(address account)',
  'event Unpaused(address account)',
  'error ZeroAddress()',
  'error NotBuyer(address sender, address buyer)',
  'error QuoteExpired(uint64 deadline)',
  'error ZeroPremium()',
  'error OrderAlreadyPaid(bytes32 orderId)',
  'error InvalidSignature()',
  'error TreasuryInflowMismatch(uint256 expected, uint256 received)',
  'error EnforcedPause()',
  'error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)',
] as const;

export const checkoutInterface = new Interface(CHECKOUT_ABI);

/** topic0 of PremiumPaid, for eth_getLogs filters. */
export const PREMIUM_PAID_TOPIC = checkoutInterface.getEvent('PremiumPaid')!.topicHash;

/** A decoded PremiumPaid log: the event's fields, integers as bigint. */
export interface PremiumPaidLog {
  readonly orderId: string;
  readonly buyer: string;
  readonly token: string;
  readonly premium: bigint;
  readonly payout: bigint;
  readonly payoutCap: bigint;
  readonly coverageSeconds: bigint;
  readonly quoteHash: string;
  readonly treasury: string;
}

/** Decodes a raw PremiumPaid log; throws if the log is another event. */
export function decodePremiumPaid(log: Pick<Log, 'topics' | 'data'>): PremiumPaidLog {
  if (log.topics[0] !== PREMIUM_PAID_TOPIC) throw new Error(`not a PremiumPaid log (topic0 ${log.topics[0]})`);
  const e = checkoutInterface.decodeEventLog('PremiumPaid', log.data, log.topics);
  return {
    orderId: e.orderId,
    buyer: e.buyer,
    token: e.token,
    premium: e.premium,
    payout: e.payout,
    payoutCap: e.payoutCap,
    coverageSeconds: e.coverageSeconds,
    quoteHash: e.quoteHash,
    treasury: e.treasury,
  };
}
