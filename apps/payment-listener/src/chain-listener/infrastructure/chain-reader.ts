import { Interface, JsonRpcProvider, type JsonRpcPayload, type JsonRpcResult } from 'ethers';
import { parseRpcLog, quantity, toQuantity, type BlockHeader, type ChainLog, type RpcLog } from '../domain/chain-log';
import type { BlockRange } from '../domain/block-range';

const ERC20 = new Interface(['function balanceOf(address) view returns (uint256)']);

export interface LogQuery {
  readonly addresses: readonly string[];
  /** topics[0..n]; null matches anything at that position. */
  readonly topics: readonly (string | null)[];
}

interface RpcHeader {
  readonly number: string;
  readonly hash: string;
  readonly parentHash: string;
  readonly timestamp: string;
}

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * ethers' JsonRpcProvider (batching, error mapping) over Node's fetch. ethers' own transport
 * decodes response bodies with a JavaScript UTF-8 decoder: on large eth_getLogs answers that
 * cost ~0.2 ms of CPU per log, more than everything else the listener does with it.
 */
class FetchJsonRpcProvider extends JsonRpcProvider {
  constructor(
    private readonly url: string,
    chainId: number,
  ) {
    super(url, chainId, { staticNetwork: true, cacheTimeout: -1, batchStallTime: 0, batchMaxCount: 100 });
  }

  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`JSON-RPC endpoint answered HTTP ${response.status} ${response.statusText}`);
    const body = (await response.json()) as JsonRpcResult | JsonRpcResult[];
    return Array.isArray(body) ? body : [body];
  }
}

/**
 * The listener's only window on the chain: plain JSON-RPC reads through ethers' provider (with
 * its call cache off, CHAIN.md), never subscriptions or `provider.on`. Calls issued together
 * (headers of many blocks) travel as one JSON-RPC batch.
 */
export class ChainReader {
  readonly provider: JsonRpcProvider;

  constructor(rpcUrl: string, chainId: number) {
    this.provider = new FetchJsonRpcProvider(rpcUrl, chainId);
  }

  async chainId(): Promise<number> {
    return quantity(await this.provider.send('eth_chainId', []), 'eth_chainId');
  }

  async headNumber(): Promise<number> {
    return quantity(await this.provider.send('eth_blockNumber', []), 'eth_blockNumber');
  }

  /** The header at a height, or null when the node has no such block (yet). */
  async header(number: number): Promise<BlockHeader | null> {
    const raw = (await this.provider.send('eth_getBlockByNumber', [toQuantity(number), false])) as RpcHeader | null;
    return raw ? toHeader(raw) : null;
  }

  async headers(numbers: Iterable<number>): Promise<Map<number, BlockHeader | null>> {
    const unique = [...new Set(numbers)];
    const found = await Promise.all(unique.map((n) => this.header(n)));
    return new Map(unique.map((n, i) => [n, found[i] ?? null]));
  }

  /** One eth_getLogs call; a provider refusing the range or result size throws (the caller splits). */
  async logs(query: LogQuery, range: BlockRange): Promise<ChainLog[]> {
    const raw = (await this.provider.send('eth_getLogs', [
      { address: query.addresses, topics: query.topics, fromBlock: toQuantity(range.from), toBlock: toQuantity(range.to) },
    ])) as RpcLog[];
    if (!Array.isArray(raw)) throw new Error('eth_getLogs answered with something other than a list');
    return raw.map((log) => {
      // eth_getLogs never marks logs removed; if a provider does, the read is not trustworthy.
      if (log.removed) throw new Error(`eth_getLogs returned a removed log (${log.transactionHash}:${log.logIndex})`);
      return parseRpcLog(log);
    });
  }

  /** An ERC-20 balance at a block. */
  async balanceOf(token: string, holder: string, block: number): Promise<bigint> {
    const data = ERC20.encodeFunctionData('balanceOf', [holder]);
    const result = (await this.provider.send('eth_call', [{ to: token, data }, toQuantity(block)])) as string;
    // No code at that block yet (the token was deployed later): nothing was held.
    if (result === '0x') return 0n;
    return ERC20.decodeFunctionResult('balanceOf', result)[0] as bigint;
  }

  destroy(): void {
    this.provider.destroy();
  }
}

function toHeader(raw: RpcHeader): BlockHeader {
  return {
    number: quantity(raw.number, 'block number'),
    hash: raw.hash.toLowerCase(),
    parentHash: raw.parentHash.toLowerCase(),
    timestamp: quantity(raw.timestamp, 'block timestamp'),
  };
}
