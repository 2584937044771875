/** Plain JSON-RPC over fetch, in batches: the raw baseline and the fast way to send thousands of transactions. */
export interface RpcCall {
  readonly method: string;
  readonly params: readonly unknown[];
}

export async function rpcBatch<T = unknown>(url: string, calls: readonly RpcCall[], batchSize = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < calls.length; i += batchSize) {
    const chunk = calls.slice(i, i + batchSize).map((call, j) => ({ jsonrpc: '2.0', id: i + j, ...call }));
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chunk) });
    const answers = (await response.json()) as { id: number; result?: T; error?: { message: string } }[];
    answers.sort((a, b) => a.id - b.id);
    for (const answer of answers) {
      if (answer.error) throw new Error(`${calls[answer.id]!.method}: ${answer.error.message}`);
      out.push(answer.result as T);
    }
  }
  return out;
}

export async function rpc<T = unknown>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  return (await rpcBatch<T>(url, [{ method, params }]))[0]!;
}

export const hex = (n: number | bigint): string => `0x${n.toString(16)}`;
