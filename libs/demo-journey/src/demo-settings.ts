/**
 * Where the demo finds the stack: LOCAL-STACK.md's addresses, each overridable from the
 * environment for a stack elsewhere. The chain's RPC URL, chain id and contracts come from the
 * gateway's `/config`, as any client gets them; DEMO_RPC_URL only overrides the URL.
 */
export interface DemoSettings {
  readonly gatewayUrl: string;
  readonly simUrl: string;
  readonly rpcUrl: string | undefined;
  readonly siweDomain: string;
  readonly instId: string;
  /** Longest wait for one asynchronous transition (activation, verification, payout, PAID). */
  readonly waitTimeoutMs: number;
  /** How long a request that cannot have taken effect is re-sent while a service restarts (0: never). */
  readonly unavailableRetryMs: number;
}

export function demoSettings(env: NodeJS.ProcessEnv = process.env): DemoSettings {
  const trim = (url: string) => url.replace(/\/+$/, '');
  const timeout = Number(env.DEMO_WAIT_TIMEOUT_MS ?? 60_000);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error(`DEMO_WAIT_TIMEOUT_MS must be a positive integer of milliseconds, got "${env.DEMO_WAIT_TIMEOUT_MS}"`);
  const retry = Number(env.DEMO_UNAVAILABLE_RETRY_MS ?? 0);
  if (!Number.isInteger(retry) || retry < 0) throw new Error(`DEMO_UNAVAILABLE_RETRY_MS must be a whole number of milliseconds, got "${env.DEMO_UNAVAILABLE_RETRY_MS}"`);
  return {
    gatewayUrl: trim(env.DEMO_GATEWAY_URL ?? 'http://127.0.0.1:3000'),
    simUrl: trim(env.DEMO_SIM_URL ?? 'http://127.0.0.1:8090'),
    rpcUrl: env.DEMO_RPC_URL ? trim(env.DEMO_RPC_URL) : undefined,
    siweDomain: env.DEMO_SIWE_DOMAIN ?? 'localhost:3000',
    instId: env.DEMO_INST_ID ?? 'BTC-USDT-SWAP',
    waitTimeoutMs: timeout,
    unavailableRetryMs: retry,
  };
}
