/** A log as eth_getLogs returns it (quantities in hex), and the same with numbers parsed. */
export interface RpcLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
  readonly blockNumber: string;
  readonly blockHash: string;
  readonly transactionHash: string;
  readonly logIndex: string;
  readonly removed?: boolean;
}

export interface ChainLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly txHash: string;
  readonly logIndex: number;
}

/** A block header as far as the listener needs one. */
export interface BlockHeader {
  readonly number: number;
  readonly hash: string;
  readonly parentHash: string;
  /** Unix seconds. */
  readonly timestamp: number;
}

export function parseRpcLog(raw: RpcLog): ChainLog {
  return {
    address: raw.address,
    topics: raw.topics,
    data: raw.data,
    blockNumber: quantity(raw.blockNumber, 'blockNumber'),
    blockHash: raw.blockHash,
    txHash: raw.transactionHash,
    logIndex: quantity(raw.logIndex, 'logIndex'),
  };
}

/** A JSON-RPC quantity (0x-hex) as a safe integer. */
export function quantity(value: string, what: string): number {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) throw new Error(`${what} is not a hex quantity: ${String(value)}`);
  const n = Number.parseInt(value, 16);
  if (!Number.isSafeInteger(n)) throw new Error(`${what} ${value} is too large`);
  return n;
}

export const toQuantity = (n: number): string => `0x${n.toString(16)}`;

/** Chain order: by block, then by position in the block. */
export function byChainOrder(a: ChainLog, b: ChainLog): number {
  return a.blockNumber - b.blockNumber || a.logIndex - b.logIndex;
}
