import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { verifyEvidenceBundle, type EvidenceBundle } from '@liqpass/evidence';
import { parseUnits } from 'ethers';
import { check, DemoError } from './demo-error';
import { shortHex } from './format';
import { pollUntil, statusProbe } from './poll';
import type { Session } from './sign-in';
import type { Stack } from './stack';
import type { StepLog } from './step-runner';
import type { Claim, PurchaseOrder, SimAccount, SimPosition } from './wire-types';

/** The repository's `liqpass-evidence` bin, found upwards from here (libs/… under Vitest, dist/libs/… when built). */
function evidenceCli(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'libs/evidence/bin/liqpass-evidence.cjs');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new DemoError(`no libs/evidence/bin/liqpass-evidence.cjs above ${__dirname}`);
  }
}

/** OKX liquidates the insured position, the trader claims, the platform verifies, a reviewer approves. */

export async function liquidate(stack: Stack, account: SimAccount, position: SimPosition, log: StepLog): Promise<void> {
  const liquidation = await stack.sim.post<{ ordId: string; fillTime: string; category: string }>('/sim/liquidations', { uid: account.uid, posId: position.posId, kind: 'full' });
  log.note(`OKX liquidation order ${liquidation.ordId} (category ${liquidation.category}) filled at ${new Date(Number(liquidation.fillTime)).toISOString()}`);
}

export async function fileClaim(trader: Session, order: PurchaseOrder, log: StepLog): Promise<Claim> {
  const claim = await trader.api.post<Claim>('/claims', { purchaseOrderId: order.id }, [200, 201]);
  check(claim.purchaseOrderId === order.id, `the claim names purchase order ${claim.purchaseOrderId}, expected ${order.id}`);
  log.note(`claim ${claim.id}: ${claim.status}`);
  return claim;
}

const claimState = (c: Claim) => `${c.status}${c.reasonCode ? ` (${c.reasonCode})` : ''}${c.rejectedReason ? ` — ${c.rejectedReason}` : ''}`;

/** Waits for the claim to reach `wanted`; REJECTED and FAILED end the wait at once with the reason. */
export async function waitClaim(stack: Stack, trader: Session, claimId: string, wanted: string): Promise<Claim> {
  const dead = ['REJECTED', 'FAILED'];
  const probe = statusProbe<Claim>('claim', wanted, dead, claimState);
  return pollUntil(`claim ${claimId} to become ${wanted}`, async () => probe(await trader.api.get<Claim>(`/claims/${claimId}`)), { timeoutMs: stack.settings.waitTimeoutMs, intervalMs: 500 });
}

export async function waitVerified(stack: Stack, trader: Session, claim: Claim, log: StepLog): Promise<Claim> {
  const verified = await waitClaim(stack, trader, claim.id, 'VERIFIED_PENDING_REVIEW');
  check(verified.liquidationKind === 'FULL', `verified liquidation kind is ${verified.liquidationKind}, expected FULL`);
  check(verified.payoutAmountUsdc !== null && verified.evidenceRoot !== null, 'the verified claim has no payout amount or no evidence root', JSON.stringify(verified));
  log.note(`VERIFIED_PENDING_REVIEW: ${verified.liquidationKind} liquidation, payout ${verified.payoutAmountUsdc} USDC, evidence root ${shortHex(verified.evidenceRoot)}`);
  return verified;
}

/** Downloads the sealed bundle and recomputes every leaf, the root and the seal's signer locally. */
export async function checkEvidence(trader: Session, claim: Claim, log: StepLog): Promise<EvidenceBundle> {
  const bundle = await trader.api.get<EvidenceBundle>(`/claims/${claim.id}/evidence`);
  const result = verifyEvidenceBundle(bundle);
  check(result.ok, `the evidence bundle does not verify: ${result.problems.length} problem(s)`, result.problems.join('; '));
  check(bundle.claimId === claim.id, `the bundle is for claim ${bundle.claimId}, expected ${claim.id}`);
  check(bundle.root.toLowerCase() === claim.evidenceRoot!.toLowerCase(), `bundle root ${bundle.root} differs from the claim's evidence root ${claim.evidenceRoot}`);
  check(bundle.summary.outcome === 'VERIFIED', `the bundle's outcome is ${bundle.summary.outcome}, expected VERIFIED`);
  check(BigInt(bundle.summary.payoutUsdc) === parseUnits(claim.payoutAmountUsdc!, 6), `the seal's payout ${bundle.summary.payoutUsdc} base units differs from the claim's ${claim.payoutAmountUsdc} USDC`);
  log.note(`${bundle.items.length} OKX responses (${bundle.items.map((i) => i.name).join(', ')})`);
  log.note(`root recomputed from ${result.recomputedLeaves.length} leaves = ${bundle.root} ✓; sealed by ${result.recoveredSigner} ✓`);
  checkWithCli(bundle, log);
  return bundle;
}

/**
 * The operator's offline check: `liqpass-evidence verify` (the repository's bin) accepts the
 * bundle as served, and refuses it with one byte of one raw OKX body changed.
 */
function checkWithCli(bundle: EvidenceBundle, log: StepLog): void {
  const dir = mkdtempSync(join(tmpdir(), 'liqpass-demo-evidence-'));
  try {
    const served = join(dir, 'bundle.json');
    writeFileSync(served, JSON.stringify(bundle, null, 2));
    const verify = (file: string) => spawnSync(process.execPath, [evidenceCli(), 'verify', file], { encoding: 'utf8' });
    const accepted = verify(served);
    check(accepted.status === 0, `liqpass-evidence verify refused the served bundle (exit ${accepted.status})`, accepted.stdout + accepted.stderr);
    const text = JSON.stringify(bundle.items[0]!.body);
    const at = text.search(/[0-9]/);
    check(at >= 0, 'the first raw OKX body has no digit to change');
    const changed = text.slice(0, at) + (text[at] === '9' ? '8' : String(Number(text[at]) + 1)) + text.slice(at + 1);
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...bundle, items: [{ ...bundle.items[0]!, body: JSON.parse(changed) as unknown }, ...bundle.items.slice(1)] }, null, 2));
    const refused = verify(tampered);
    check(refused.status !== 0, 'liqpass-evidence verify accepted a bundle with one byte of a raw body changed');
    log.note(`liqpass-evidence verify: the served bundle passes (exit 0); one byte changed in ${bundle.items[0]!.name}'s body fails (exit ${refused.status})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function approve(reviewer: Session, claim: Claim, log: StepLog): Promise<Claim> {
  const approved = await reviewer.api.post<Claim>(`/admin/claims/${claim.id}/approve`, {}, 200);
  check(approved.status === 'APPROVED_PENDING_MULTISIG', `approved claim is ${approved.status}, expected APPROVED_PENDING_MULTISIG`);
  log.note(`approved by ${approved.approvedBy} (roles: ${reviewer.roles.join(', ')}): ${approved.status}`);
  return approved;
}
