import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isListening, waitFor } from '../net';
import type { ProcessSupervisor } from '../process-supervisor';

export const NATS_PROCESS = 'nats-server';

/**
 * The drills' own `nats-server -js` on a free port with its own store folder, so restarting it
 * never disturbs the machine's NATS on 4222. A restart keeps the store: streams, consumers and
 * unacked messages survive, as they would a broker restart in production.
 */
export class PrivateNats {
  constructor(
    private readonly supervisor: ProcessSupervisor,
    private readonly storeDir: string,
    readonly port: number,
    private readonly binary = process.env.NATS_SERVER_BIN ?? 'nats-server',
  ) {}

  static async create(supervisor: ProcessSupervisor, baseDir: string, port: number): Promise<PrivateNats> {
    const storeDir = join(baseDir, 'nats');
    await mkdir(storeDir, { recursive: true });
    return new PrivateNats(supervisor, storeDir, port);
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.supervisor.start({ name: NATS_PROCESS, command: this.binary, args: ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir] });
    await waitFor('private nats-server', () => isListening(this.port), 15_000);
  }

  /** SIGTERM: a clean broker stop. `resume` starts the same server on the same store. */
  async stop(): Promise<void> {
    await this.supervisor.kill(NATS_PROCESS, 'SIGTERM');
  }

  async resume(): Promise<void> {
    this.supervisor.restart(NATS_PROCESS);
    await waitFor('private nats-server (restarted)', () => isListening(this.port), 15_000);
  }
}
