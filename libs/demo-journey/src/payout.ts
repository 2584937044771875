import { getAddress, parseUnits, TypedDataEncoder, type HDNodeWallet } from 'ethers';
import { check, DemoError } from './demo-error';
import { formatUsdc, shortHex } from './format';
import { pollUntil, type Probe } from './poll';
import type { Session } from './sign-in';
import type { Stack } from './stack';
import type { StepLog } from './step-runner';
import type { Claim, Payout } from './wire-types';

/** The approved claim's payout: proposed as a SafeTx, signed by two owners, executed by finance. */

async function payoutOfClaim(finance: Session, claimId: string): Promise<Payout | undefined> {
  let cursor: string | null = null;
  // Newest first; a fresh stack has one page, a long-lived one may have more.
  for (let page = 0; page < 20; page += 1) {
    const reply: { items: Payout[]; nextCursor: string | null } = await finance.api.get(`/admin/payouts?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const found = reply.items.find((p) => p.claimId === claimId);
    if (found || !reply.nextCursor) return found;
    cursor = reply.nextCursor;
  }
  return undefined;
}

/** Waits for a payout of the claim in `wanted`; HELD and FLAGGED end the wait with their reason. */
export async function waitPayout(stack: Stack, finance: Session, claimId: string, wanted: string): Promise<Payout> {
  const probe = async (): Promise<Probe<Payout>> => {
    const payout = await payoutOfClaim(finance, claimId);
    if (!payout) return { done: false, seen: 'no payout for the claim yet' };
    if (payout.status === wanted) return { done: true, value: payout };
    if (payout.status === 'HELD' || payout.status === 'FLAGGED') {
      throw new DemoError(`payout ${payout.id} is ${payout.status}, expected ${wanted}`, `${payout.heldReason ?? payout.flagReason ?? ''} ${payout.lastError ?? ''}`.trim());
    }
    return { done: false, seen: `${payout.status}${payout.lastError ? ` (${payout.lastError})` : ''}` };
  };
  return pollUntil(`the payout of claim ${claimId} to be ${wanted}`, probe, { timeoutMs: stack.settings.waitTimeoutMs, intervalMs: 500 });
}

export async function waitProposed(stack: Stack, finance: Session, claim: Claim, trader: string, log: StepLog): Promise<Payout> {
  const payout = await waitPayout(stack, finance, claim.id, 'PROPOSED');
  check(getAddress(payout.recipient) === getAddress(trader), `payout recipient ${payout.recipient}, expected the trader ${trader}`);
  check(BigInt(payout.amountUsdc) === parseUnits(claim.payoutAmountUsdc!, 6), `payout amount ${payout.amountUsdc} base units, the claim says ${claim.payoutAmountUsdc} USDC`);
  check(getAddress(payout.safeAddress) === getAddress(stack.config.contracts.treasurySafe), `payout from Safe ${payout.safeAddress}, /config's treasury is ${stack.config.contracts.treasurySafe}`);
  check(payout.typedData && payout.safeTxHash, `PROPOSED payout ${payout.id} has no SafeTx typed data`);
  log.note(`payout ${payout.id}: ${formatUsdc(BigInt(payout.amountUsdc))} to ${payout.recipient} from Safe ${shortHex(payout.safeAddress)}, nonce ${payout.nonce}, safeTxHash ${payout.safeTxHash}`);
  return payout;
}

/**
 * A Safe owner signs the SafeTx typed data as listed — after re-hashing it and finding the listed
 * safeTxHash (never sign blind) — and posts the signature signed in as itself.
 */
export async function ownerSigns(owner: Session, wallet: HDNodeWallet, payout: Payout, log: StepLog): Promise<Payout> {
  const typed = payout.typedData!;
  const types = { SafeTx: typed.types.SafeTx! };
  const hash = TypedDataEncoder.hash(typed.domain, types, typed.message);
  check(hash.toLowerCase() === payout.safeTxHash!.toLowerCase(), `the listed SafeTx typed data hashes to ${hash}, not the listed safeTxHash ${payout.safeTxHash}`);
  const signature = await wallet.signTypedData(typed.domain, types, typed.message);
  const updated = await owner.api.post<Payout>(`/admin/payouts/${payout.id}/signatures`, { signer: wallet.address, signature }, 201);
  const signers = (updated.signatures ?? []).map((s) => s.signer.toLowerCase());
  check(signers.includes(wallet.address.toLowerCase()), `after posting, payout ${payout.id} does not list ${wallet.address}'s signature`, JSON.stringify(updated.signatures));
  log.note(`${wallet.address} signed ${shortHex(payout.safeTxHash!)}; ${signers.length} signature(s) collected`);
  return updated;
}

export async function execute(stack: Stack, finance: Session, payout: Payout, log: StepLog): Promise<string> {
  const { txHash } = await finance.api.post<{ txHash: string }>(`/admin/payouts/${payout.id}/execute`, {}, 200);
  check(/^0x[0-9a-fA-F]{64}$/.test(txHash ?? ''), `execute answered no transaction hash`, JSON.stringify(txHash));
  const receipt = await stack.provider.waitForTransaction(txHash, 1, stack.settings.waitTimeoutMs);
  check(receipt?.status === 1, `execTransaction ${txHash} reverted`);
  log.note(`execTransaction by finance ${finance.address}: tx ${txHash} (block ${receipt.blockNumber})`);
  return txHash;
}
