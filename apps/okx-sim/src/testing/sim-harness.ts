import { createHmac } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOkxSimApp, type OkxSimOptions } from '../okx-sim.app';

/** Credentials as `POST /sim/accounts` returns them. */
export interface SimCredentials {
  readonly uid: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
  readonly perm: string;
}

export interface OkxCall {
  /** Path with query exactly as it goes on the wire (and into the signature). */
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly timestamp?: string;
  readonly demo?: boolean;
  /** Replaces or (with undefined) removes headers after signing. */
  readonly headers?: Record<string, string | undefined>;
  /** Signs with this secret instead of the account's. */
  readonly secret?: string;
}

export interface OkxReply {
  readonly status: number;
  readonly body: { code: string; msg: string; data?: Record<string, string>[] };
}

/**
 * Test-side OKX signing, written here with node:crypto on purpose: integration tests must not
 * lean on the simulator's own signer, or a shared mistake would pass unnoticed.
 */
export function independentSign(secret: string, timestamp: string, method: string, path: string, body = ''): string {
  return createHmac('sha256', secret).update(timestamp + method + path + body).digest('base64');
}

/** A running simulator on an ephemeral port with small helpers for both APIs. */
export class SimHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
  ) {}

  static async start(options: OkxSimOptions = {}): Promise<SimHarness> {
    const app = await createOkxSimApp(options);
    await app.listen(0, '127.0.0.1');
    return new SimHarness(app, await app.getUrl());
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** POSTs to the control API; throws on anything but 2xx unless `expectStatus` is given. */
  async control<T = Record<string, unknown>>(path: string, body: unknown = {}, expectStatus?: number): Promise<T> {
    const response = await fetch(`${this.baseUrl}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as T;
    if (expectStatus !== undefined ? response.status !== expectStatus : !response.ok) {
      throw new Error(`POST /sim/${path} answered ${response.status}: ${JSON.stringify(json)}`);
    }
    return json;
  }

  createAccount(body: Record<string, unknown> = {}): Promise<SimCredentials> {
    return this.control<SimCredentials>('accounts', body);
  }

  /** Calls an OKX route, signed as OKX requires, with the account's credentials. */
  async okx(creds: SimCredentials, call: OkxCall): Promise<OkxReply> {
    const method = call.method ?? 'GET';
    const timestamp = call.timestamp ?? new Date().toISOString();
    const body = call.body ?? '';
    const headers: Record<string, string> = {
      'OK-ACCESS-KEY': creds.apiKey,
      'OK-ACCESS-PASSPHRASE': creds.passphrase,
      'OK-ACCESS-TIMESTAMP': timestamp,
      'OK-ACCESS-SIGN': independentSign(call.secret ?? creds.secretKey, timestamp, method, call.path, body),
    };
    if (body) headers['Content-Type'] = 'application/json';
    if (call.demo) headers['x-simulated-trading'] = '1';
    for (const [name, value] of Object.entries(call.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const response = await fetch(`${this.baseUrl}${call.path}`, { method, headers, body: body || undefined });
    return { status: response.status, body: (await response.json()) as OkxReply['body'] };
  }

  /** GETs a public OKX route. */
  async publicGet(path: string): Promise<OkxReply> {
    const response = await fetch(`${this.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as OkxReply['body'] };
  }
}
