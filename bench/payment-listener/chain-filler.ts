import { getAddress, Interface, keccak256, MaxUint256, toUtf8Bytes, type HDNodeWallet } from 'ethers';
import { CHECKOUT_ABI, checkoutDomain, signQuote, type LocalChainDeployment, type Quote } from '@liqpass/chain';
import { hex, rpc, rpcBatch, type RpcCall } from './rpc-batch';

const USDC = new Interface(['function mint(address to, uint256 amount) returns (bool)', 'function approve(address spender, uint256 value) returns (bool)']);
const CHECKOUT = new Interface(CHECKOUT_ABI);
const GAS = { mint: 120_000n, approve: 100_000n, pay: 250_000n };
const FEES = { maxFeePerGas: hex(20_000_000_000n), maxPriorityFeePerGas: hex(1_000_000_000n) };

export interface SignedQuote {
  readonly quote: Quote;
  readonly signature: string;
}

/**
 * Fills an anvil with PremiumPaid payments quickly: many buyer accounts (impersonated, so anvil
 * signs their transactions), each funded with ETH and USDC and approving the checkout once,
 * then payPremium transactions sent as JSON-RPC batches with automine off and mined in big blocks.
 */
export class ChainFiller {
  readonly buyers: string[];
  private readonly nonces = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly rpcUrl: string,
    private readonly chain: LocalChainDeployment,
    private readonly operator: HDNodeWallet,
    buyerCount: number,
  ) {
    this.buyers = Array.from({ length: buyerCount }, (_, i) => getAddress(keccak256(toUtf8Bytes(`bench-buyer-${i}`)).slice(0, 42)));
  }

  /** ETH for gas, USDC to pay with, and an unlimited approval of the checkout, for every buyer. */
  async fundBuyers(): Promise<void> {
    await rpc(this.rpcUrl, 'anvil_autoImpersonateAccount', [true]);
    await rpcBatch(this.rpcUrl, this.buyers.map((b) => ({ method: 'anvil_setBalance', params: [b, hex(10n ** 20n)] })));
    let nonce = Number(await rpc<string>(this.rpcUrl, 'eth_getTransactionCount', [this.operator.address, 'pending']));
    const mints: RpcCall[] = this.buyers.map((b) => this.tx(this.operator.address, this.chain.usdc, USDC.encodeFunctionData('mint', [b, 10n ** 15n]), GAS.mint, nonce++));
    const approvals: RpcCall[] = this.buyers.map((b) => this.tx(b, this.chain.usdc, USDC.encodeFunctionData('approve', [this.chain.checkout, MaxUint256]), GAS.approve, this.nextNonce(b)));
    await this.sendAndMine([...mints, ...approvals]);
  }

  /** Quotes signed by the backend key (account 0), buyers taken in turn. */
  async signQuotes(count: number, deadline: bigint): Promise<SignedQuote[]> {
    const domain = checkoutDomain(this.chain.chainId, this.chain.checkout);
    const out: SignedQuote[] = [];
    for (let i = 0; i < count; i += 1) {
      const n = this.counter++;
      const quote: Quote = {
        orderId: keccak256(toUtf8Bytes(`bench-order-${n}`)),
        buyer: this.buyers[n % this.buyers.length]!,
        premium: 1_000_000n + BigInt(n % 1000),
        payout: 100_000_000n,
        payoutCap: 100_000_000n,
        coverageSeconds: 86_400n,
        instrument: 'BTC-USDT-SWAP',
        leverage: 1000n,
        deadline,
      };
      out.push({ quote, signature: (await signQuote(this.operator, domain, quote)).signature });
      // Signing is synchronous work: let the head gate (same process) keep answering the listener.
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }

  /** Sends payPremium for each quote without mining (automine must be off). */
  async sendPayments(quotes: readonly SignedQuote[]): Promise<void> {
    await rpcBatch(
      this.rpcUrl,
      quotes.map(({ quote, signature }) =>
        this.tx(quote.buyer, this.chain.checkout, CHECKOUT.encodeFunctionData('payPremium', [quote, signature]), GAS.pay, this.nextNonce(quote.buyer)),
      ),
    );
  }

  /** Mines one block with whatever is pending; returns its number. */
  async mine(): Promise<number> {
    await rpc(this.rpcUrl, 'evm_mine', []);
    return Number(await rpc<string>(this.rpcUrl, 'eth_blockNumber'));
  }

  /** How many transactions a block holds and how many of them failed. */
  async blockOutcome(block: number): Promise<{ txs: number; failed: number }> {
    const receipts = await rpc<{ status: string }[]>(this.rpcUrl, 'eth_getBlockReceipts', [hex(block)]);
    return { txs: receipts.length, failed: receipts.filter((r) => r.status !== '0x1').length };
  }

  private async sendAndMine(calls: RpcCall[]): Promise<void> {
    await rpcBatch(this.rpcUrl, calls);
    const block = await this.mine();
    const outcome = await this.blockOutcome(block);
    if (outcome.txs !== calls.length || outcome.failed > 0) throw new Error(`set-up block ${block}: ${outcome.txs} of ${calls.length} mined, ${outcome.failed} failed`);
  }

  private nextNonce(account: string): number {
    const nonce = this.nonces.get(account) ?? 0;
    this.nonces.set(account, nonce + 1);
    return nonce;
  }

  private tx(from: string, to: string, data: string, gas: bigint, nonce: number): RpcCall {
    return { method: 'eth_sendTransaction', params: [{ from, to, data, gas: hex(gas), nonce: hex(nonce), ...FEES, type: '0x2' }] };
  }
}
