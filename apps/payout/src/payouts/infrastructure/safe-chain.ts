import { Contract, getAddress, Interface, JsonRpcProvider, keccak256, Wallet, zeroPadValue, type TransactionRequest } from 'ethers';
import { EXECUTION_SUCCESS_TOPIC, TRANSFER_TOPIC, type ReceiptLog } from '../domain/execution-check';
import type { SafeTx } from '../domain/safe-tx';

const SAFE_ABI = new Interface([
  'function nonce() view returns (uint256)',
  'function getOwners() view returns (address[])',
  'function getThreshold() view returns (uint256)',
  'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool success)',
]);
const ERC20_ABI = new Interface(['function balanceOf(address) view returns (uint256)']);

export interface SafeState {
  readonly nonce: number;
  readonly owners: readonly string[];
  readonly threshold: number;
}

export interface MinedReceipt {
  readonly status: number;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly logs: readonly ReceiptLog[];
}

export interface SignedExecution {
  readonly txHash: string;
  readonly raw: string;
}

/**
 * The payout service's window on the chain: the treasury Safe's state, USDC balances, receipts
 * and headers through plain JSON-RPC reads (call cache off, CHAIN.md), and the executor key that
 * signs `execTransaction`. It holds no owner key: owners sign elsewhere.
 */
export class SafeChain {
  readonly provider: JsonRpcProvider;
  private readonly executor: Wallet;
  private readonly safe: Contract;
  private readonly usdc: Contract;

  constructor(
    rpcUrl: string,
    readonly chainId: number,
    readonly safeAddress: string,
    readonly usdcAddress: string,
    executorKey: string,
  ) {
    this.provider = new JsonRpcProvider(rpcUrl, chainId, { staticNetwork: true, cacheTimeout: -1 });
    this.executor = new Wallet(executorKey, this.provider);
    this.safe = new Contract(safeAddress, SAFE_ABI, this.provider);
    this.usdc = new Contract(usdcAddress, ERC20_ABI, this.provider);
  }

  async safeState(): Promise<SafeState> {
    const [nonce, owners, threshold] = await Promise.all([this.safe.nonce(), this.safe.getOwners(), this.safe.getThreshold()]);
    return { nonce: Number(nonce), owners: (owners as string[]).map((o) => o.toLowerCase()), threshold: Number(threshold) };
  }

  /** The Safe's nonce as of a block (a confirmed one: a nonce seen at the tip may still be reorged away). */
  async safeNonceAt(blockNumber: number): Promise<number> {
    return Number(await this.safe.nonce({ blockTag: blockNumber }));
  }

  /** Transactions in which the Safe emitted ExecutionSuccess for this SafeTx hash (indexed topic: one cheap query). */
  async executionsOf(safeTxHash: string, fromBlock: number, toBlock: number): Promise<string[]> {
    if (fromBlock > toBlock) return [];
    const logs = await this.provider.getLogs({ address: this.safeAddress, topics: [EXECUTION_SUCCESS_TOPIC, safeTxHash], fromBlock, toBlock });
    return logs.filter((log) => !log.removed).map((log) => log.transactionHash.toLowerCase());
  }

  /** USDC transfers from the Safe to `recipient` in a block range. */
  async transfersFromSafe(recipient: string, fromBlock: number, toBlock: number): Promise<{ txHash: string; logIndex: number; amount: bigint }[]> {
    if (fromBlock > toBlock) return [];
    const topic = (address: string) => zeroPadValue(getAddress(address), 32);
    const logs = await this.provider.getLogs({ address: this.usdcAddress, topics: [TRANSFER_TOPIC, topic(this.safeAddress), topic(recipient)], fromBlock, toBlock });
    return logs.filter((log) => !log.removed).map((log) => ({ txHash: log.transactionHash.toLowerCase(), logIndex: log.index, amount: BigInt(log.data) }));
  }

  async treasuryBalance(): Promise<bigint> {
    return (await this.usdc.balanceOf(this.safeAddress)) as bigint;
  }

  async head(): Promise<number> {
    return this.provider.getBlockNumber();
  }

  async blockHashAt(height: number): Promise<string | null> {
    const block = await this.provider.getBlock(height);
    return block?.hash?.toLowerCase() ?? null;
  }

  async receipt(txHash: string): Promise<MinedReceipt | null> {
    const receipt = await this.provider.getTransactionReceipt(txHash);
    if (!receipt) return null;
    return {
      status: receipt.status ?? 0,
      blockNumber: receipt.blockNumber,
      blockHash: receipt.blockHash.toLowerCase(),
      logs: receipt.logs.map((log) => ({ address: log.address, topics: log.topics.map((t) => t.toLowerCase()), data: log.data, index: log.index })),
    };
  }

  async isKnown(txHash: string): Promise<boolean> {
    return (await this.provider.getTransaction(txHash)) !== null;
  }

  /**
   * Signs (does not send) `execTransaction` for the SafeTx: the hash is known and stored before
   * the transaction leaves, so a crash between the two loses nothing. Estimating gas runs the
   * Safe's own checks, so a payout the Safe would refuse fails here.
   */
  async signExecution(tx: SafeTx, signatures: string): Promise<SignedExecution> {
    const data = SAFE_ABI.encodeFunctionData('execTransaction', [
      tx.to,
      tx.value,
      tx.data,
      tx.operation,
      tx.safeTxGas,
      tx.baseGas,
      tx.gasPrice,
      tx.gasToken,
      tx.refundReceiver,
      signatures,
    ]);
    const request: TransactionRequest = await this.executor.populateTransaction({ to: this.safeAddress, data });
    const raw = await this.executor.signTransaction(request);
    return { raw, txHash: keccak256(raw).toLowerCase() };
  }

  async broadcast(raw: string): Promise<void> {
    await this.provider.broadcastTransaction(raw);
  }

  destroy(): void {
    this.provider.destroy();
  }
}
