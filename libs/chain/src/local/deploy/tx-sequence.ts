import { ContractFactory, getCreateAddress, Interface, type InterfaceAbi, type TransactionReceipt, type Wallet, type HDNodeWallet } from 'ethers';

type Sender = Wallet | HDNodeWallet;

interface Sent {
  readonly label: string;
  readonly hash: string;
}

/**
 * Sends a run of transactions from one account with consecutive nonces and fixed gas limits,
 * without waiting between them, then confirms them together. With anvil's --block-time 1 a
 * wait per transaction would cost a second each; this way the whole deployment fits in a few
 * blocks. Gas limits are fixed because a transaction that depends on an earlier, not yet mined
 * one cannot be estimated.
 */
export class TxSequence {
  private readonly sent: Sent[] = [];

  private constructor(
    readonly from: string,
    private nonce: number,
    /** Absent in a dry run, which sends nothing and only works out the addresses. */
    private readonly sender?: { wallet: Sender; fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } },
  ) {}

  /** A sequence that sends nothing: replays a deployment's nonces to know where it put things. */
  static dryRun(from: string, nonce: number): TxSequence {
    return new TxSequence(from, nonce);
  }

  static async start(wallet: Sender): Promise<TxSequence> {
    const provider = wallet.provider;
    if (!provider) throw new Error('TxSequence needs a wallet connected to a provider');
    const [nonce, block] = await Promise.all([wallet.getNonce('pending'), provider.getBlock('latest')]);
    const priority = 1_000_000_000n;
    // Twice the current base fee leaves room for it to rise over the few blocks this takes.
    const maxFeePerGas = (block?.baseFeePerGas ?? 1_000_000_000n) * 2n + priority;
    return new TxSequence(wallet.address, nonce, { wallet, fees: { maxFeePerGas, maxPriorityFeePerGas: priority } });
  }

  get nextNonce(): number {
    return this.nonce;
  }

  get isDryRun(): boolean {
    return !this.sender;
  }

  get pendingCount(): number {
    return this.sent.length;
  }

  /** Sends a contract creation and returns the address it will have. */
  async deploy(label: string, abi: InterfaceAbi, bytecode: string, args: readonly unknown[], gasLimit: bigint): Promise<string> {
    const address = getCreateAddress({ from: this.from, nonce: this.nonce });
    if (!this.sender) {
      this.nonce += 1;
      return address;
    }
    const { data } = await new ContractFactory(abi, bytecode).getDeployTransaction(...args);
    await this.send(label, { data }, gasLimit);
    return address;
  }

  async call(label: string, to: string, abi: InterfaceAbi | Interface, method: string, args: readonly unknown[], gasLimit: bigint): Promise<void> {
    if (!this.sender) {
      this.nonce += 1;
      return;
    }
    const iface = abi instanceof Interface ? abi : new Interface(abi);
    await this.send(label, { to, data: iface.encodeFunctionData(method, args) }, gasLimit);
  }

  private async send(label: string, tx: { to?: string; data: string }, gasLimit: bigint): Promise<void> {
    const { wallet, fees } = this.sender!;
    const response = await wallet.sendTransaction({ ...tx, ...fees, nonce: this.nonce, gasLimit, type: 2 });
    this.nonce += 1;
    this.sent.push({ label, hash: response.hash });
  }

  /** Waits until every sent transaction is mined; throws naming the first that reverted. */
  async confirm(timeoutMs = 60_000): Promise<Map<string, TransactionReceipt>> {
    const receipts = new Map<string, TransactionReceipt>();
    const deadline = Date.now() + timeoutMs;
    if (!this.sender) return receipts;
    const provider = this.sender.wallet.provider!;
    for (const { label, hash } of this.sent) {
      let receipt = await provider.getTransactionReceipt(hash);
      while (!receipt) {
        if (Date.now() > deadline) throw new Error(`"${label}" (${hash}) not mined within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        receipt = await provider.getTransactionReceipt(hash);
      }
      if (receipt.status !== 1) throw new Error(`"${label}" reverted (${hash}, gas used ${receipt.gasUsed})`);
      receipts.set(label, receipt);
    }
    return receipts;
  }
}
