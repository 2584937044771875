import { connect, type NatsConnection } from '@nats-io/transport-node';

export type { NatsConnection };

/** Nest injection token for the process's single NATS connection. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * Connects to NATS with reconnects forever: a broker restart must not kill the service, only
 * turn its health red until the connection is back.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    timeout: 5000,
    // Otherwise every request allocates an Error just to keep a stack for a timeout that rarely
    // comes: measurable on the gateway's hot path (bench/gateway profiles).
    noAsyncTraces: true,
  });
}

/** True when the server answers a round trip within the timeout. */
export async function natsIsReachable(nc: NatsConnection, timeoutMs = 2000): Promise<boolean> {
  if (nc.isClosed()) return false;
  try {
    await Promise.race([
      nc.flush(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
