import { getAddress } from 'ethers';
import { decodePremiumPaid, PREMIUM_PAID_TOPIC, type PremiumPaidLog } from '@liqpass/chain';

/**
 * PremiumPaid decoded straight from its fixed ABI layout: topics [signature, orderId, buyer],
 * data seven words (token, premium, payout, payoutCap, coverageSeconds, quoteHash, treasury).
 * ethers' generic decoder costs ~0.3 ms a log, which made decoding the largest part of a
 * backfill; this is ~20× cheaper and gives the same result (the unit test compares the two).
 * Anything that does not fit the layout goes to the generic decoder, which explains the error.
 */
export function decodePremiumPaidLog(log: { readonly topics: readonly string[]; readonly data: string }): PremiumPaidLog {
  const { topics, data } = log;
  if (topics.length !== 3 || topics[0] !== PREMIUM_PAID_TOPIC || data.length !== 2 + 7 * 64) return decodePremiumPaid({ topics: [...topics], data });
  const word = (i: number) => data.slice(2 + i * 64, 2 + (i + 1) * 64);
  const words = [0, 1, 2, 3, 4, 5, 6].map(word);
  const addressWords = [topics[2]!.slice(2), words[0]!, words[6]!];
  if (addressWords.some((w) => !/^0{24}[0-9a-fA-F]{40}$/.test(w)) || !/^0{48}/.test(words[4]!)) return decodePremiumPaid({ topics: [...topics], data });
  return {
    orderId: topics[1]!,
    buyer: checksum(addressWords[0]!.slice(24)),
    token: checksum(words[0]!.slice(24)),
    premium: BigInt(`0x${words[1]}`),
    payout: BigInt(`0x${words[2]}`),
    payoutCap: BigInt(`0x${words[3]}`),
    coverageSeconds: BigInt(`0x${words[4]}`),
    quoteHash: `0x${words[5]}`,
    treasury: checksum(words[6]!.slice(24)),
  };
}

const CHECKSUMS = new Map<string, string>();
const MAX_CACHED = 100_000;

/** EIP-55 checksumming hashes each address: the few token, treasury and checkout addresses are cached. */
export function checksum(hex40: string): string {
  const key = hex40.replace(/^0x/, '').toLowerCase();
  let found = CHECKSUMS.get(key);
  if (!found) {
    if (CHECKSUMS.size >= MAX_CACHED) CHECKSUMS.clear();
    found = getAddress(`0x${key}`);
    CHECKSUMS.set(key, found);
  }
  return found;
}
