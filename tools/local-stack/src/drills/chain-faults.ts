import { PREMIUM_PAID_TOPIC } from '@liqpass/chain';
import type { JsonRpcProvider } from 'ethers';

/** The block and transaction of the PremiumPaid log of an on-chain order id, as the chain has it now. */
export async function paymentLog(provider: JsonRpcProvider, checkout: string, orderId: string): Promise<{ blockNumber: number; blockHash: string; txHash: string } | undefined> {
  const logs = await provider.getLogs({ address: checkout, topics: [PREMIUM_PAID_TOPIC, orderId], fromBlock: 0, toBlock: 'latest' });
  const last = logs.at(-1);
  return last ? { blockNumber: last.blockNumber, blockHash: last.blockHash, txHash: last.transactionHash } : undefined;
}

/**
 * `anvil_reorg(depth, txs)`: the last `depth` blocks are replaced by as many new ones. With
 * `replay`, every transaction of the dropped blocks is sent again (its signed raw bytes, same
 * hash) into the newest replacement block — the same payment, in a different block; without,
 * the dropped transactions are gone, as when a competing branch wins.
 */
export async function reorg(provider: JsonRpcProvider, depth: number, replay: boolean): Promise<{ dropped: string[]; head: number }> {
  const head = await provider.getBlockNumber();
  const dropped: string[] = [];
  for (let n = head - depth + 1; n <= head; n += 1) {
    const block = await provider.getBlock(n);
    dropped.push(...(block?.transactions ?? []));
  }
  const txs: [string, number][] = [];
  if (replay) {
    for (const hash of dropped) txs.push([(await provider.send('eth_getRawTransactionByHash', [hash])) as string, depth - 1]);
  }
  await provider.send('anvil_reorg', [depth, txs]);
  return { dropped, head };
}
