import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface JsonRpcRequest {
  readonly id: number | string;
  readonly method: string;
  readonly params?: unknown[];
}

/**
 * A JSON-RPC proxy in front of anvil that refuses eth_getLogs over more than `maxBlocks` blocks
 * the way hosted providers do (error -32005), so a test sees the listener split its ranges.
 */
export class LimitingRpcProxy {
  readonly refused: { from: number; to: number }[] = [];
  readonly served: { from: number; to: number }[] = [];
  private readonly server: Server;
  private address = '';

  private constructor(
    private readonly upstream: string,
    private readonly maxBlocks: number,
  ) {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', async () => {
        const parsed = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[];
        const answers = await Promise.all((Array.isArray(parsed) ? parsed : [parsed]).map((r) => this.answer(r)));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(Array.isArray(parsed) ? answers : answers[0]));
      });
    });
  }

  get url(): string {
    return this.address;
  }

  static async start(upstream: string, maxBlocks: number): Promise<LimitingRpcProxy> {
    const proxy = new LimitingRpcProxy(upstream, maxBlocks);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.address = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: JsonRpcRequest): Promise<unknown> {
    const { upstream, maxBlocks } = this;
    if (request.method === 'eth_getLogs') {
      const filter = (request.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      const range = { from: Number(filter.fromBlock), to: Number(filter.toBlock) };
      if (range.to - range.from + 1 > maxBlocks) {
        this.refused.push(range);
        return { jsonrpc: '2.0', id: request.id, error: { code: -32005, message: `query exceeds max block range ${maxBlocks}` } };
      }
      this.served.push(range);
    }
    const response = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    return response.json();
  }
}
