/**
 * Command-line signer for Safe owners without the console (issue 8): signs a pending payout's
 * SafeTx with a key file, offline. Input is one payout as GET /admin/payouts lists it (a JSON
 * file); output is the body of POST /admin/payouts/:id/signatures. The SafeTx hash is recomputed
 * from the typed data and must equal the listed `safeTxHash`, and the call must be a plain USDC
 * transfer to the listed recipient of the listed amount — an owner never signs blind.
 *
 *   node dist/apps/payout/src/cli/sign-payout.js --payout payout.json --key-file owner.key
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getAddress, Wallet } from 'ethers';
import { ERC20_TRANSFER, SAFE_TX_TYPES, safeTxHash, type SafeTx } from '../payouts/domain/safe-tx';

interface ListedPayout {
  readonly id: string;
  readonly status: string;
  readonly chainId: number;
  readonly safeAddress: string;
  readonly safeTxHash: string;
  readonly recipient: string;
  readonly token: string;
  readonly amountUsdc: string;
  readonly typedData: { readonly message: SafeTx } | null;
}

export async function signPayout(payout: ListedPayout, privateKey: string): Promise<{ payoutId: string; signer: string; signature: string }> {
  if (payout.status !== 'PROPOSED' || !payout.typedData) throw new Error(`payout ${payout.id} is ${payout.status}; only PROPOSED payouts are signed`);
  const tx = payout.typedData.message;
  if (safeTxHash(payout.chainId, payout.safeAddress, tx) !== payout.safeTxHash.toLowerCase()) throw new Error('the typed data does not hash to the listed safeTxHash');
  const call = ERC20_TRANSFER.parseTransaction({ data: tx.data });
  const plain = tx.operation === 0 && tx.value === '0' && tx.gasPrice === '0' && tx.safeTxGas === '0' && getAddress(tx.to) === getAddress(payout.token);
  if (!plain || call?.name !== 'transfer' || getAddress(call.args[0] as string) !== getAddress(payout.recipient) || (call.args[1] as bigint).toString() !== payout.amountUsdc) {
    throw new Error('the SafeTx is not a plain USDC transfer of the listed amount to the listed recipient');
  }
  const wallet = new Wallet(privateKey);
  const signature = await wallet.signTypedData({ chainId: payout.chainId, verifyingContract: payout.safeAddress }, SAFE_TX_TYPES, tx);
  return { payoutId: payout.id, signer: wallet.address, signature };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { payout: { type: 'string' }, 'key-file': { type: 'string' } } });
  if (!values.payout || !values['key-file']) {
    process.stderr.write('usage: sign-payout --payout <payout.json> --key-file <file with a 0x private key>\n');
    process.exit(2);
  }
  const payout = JSON.parse(readFileSync(values.payout, 'utf8')) as ListedPayout;
  const key = readFileSync(values['key-file'], 'utf8').trim();
  const { payoutId, signer, signature } = await signPayout(payout, key);
  process.stderr.write(`POST /admin/payouts/${payoutId}/signatures\n`);
  process.stdout.write(`${JSON.stringify({ signer, signature })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
