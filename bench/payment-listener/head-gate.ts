import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface JsonRpcRequest {
  readonly id: number | string;
  readonly method: string;
}

/**
 * A JSON-RPC pass-through to anvil that, while closed, answers eth_blockNumber with the head it
 * had when it closed. The listener runs and polls all along, but sees the blocks mined behind
 * the gate only when it opens: that instant starts the ingest clock, without start-up time.
 */
export class HeadGate {
  private frozenHead: string | null = null;
  private readonly server: Server;
  private address = '';

  private constructor(private readonly upstream: string) {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => void this.forward(body).then((text) => res.setHeader('content-type', 'application/json').end(text)));
    });
  }

  static async start(upstream: string): Promise<HeadGate> {
    const gate = new HeadGate(upstream);
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    gate.address = `http://127.0.0.1:${(gate.server.address() as AddressInfo).port}`;
    return gate;
  }

  get url(): string {
    return this.address;
  }

  async close(): Promise<void> {
    const response = await fetch(this.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' });
    this.frozenHead = ((await response.json()) as { result: string }).result;
  }

  open(): void {
    this.frozenHead = null;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(body: string): Promise<string> {
    const response = await fetch(this.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    const frozen = this.frozenHead;
    if (frozen === null || !body.includes('eth_blockNumber')) return text;
    const requests = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[];
    const answers = JSON.parse(text) as { id: number | string; result?: unknown } | { id: number | string; result?: unknown }[];
    const heads = new Set((Array.isArray(requests) ? requests : [requests]).filter((r) => r.method === 'eth_blockNumber').map((r) => r.id));
    for (const answer of Array.isArray(answers) ? answers : [answers]) if (heads.has(answer.id)) answer.result = frozen;
    return JSON.stringify(answers);
  }
}
