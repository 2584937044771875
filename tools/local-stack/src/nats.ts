import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { say } from './console-output';
import { isListening, waitFor } from './net';
import type { ProcessSupervisor } from './process-supervisor';

const NATS_PORT = 4222;

function findNatsServer(): string | null {
  for (const candidate of [process.env.NATS_SERVER_BIN, 'nats-server', '/usr/sbin/nats-server', '/usr/local/bin/nats-server']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Reuses the NATS already answering on 4222; otherwise starts `nats-server -js` from the PATH. */
export async function startOrReuseNats(stateDir: string, supervisor: ProcessSupervisor): Promise<void> {
  if (await isListening(NATS_PORT)) {
    say(`nats: reusing the server at 127.0.0.1:${NATS_PORT}`);
    return;
  }
  const binary = findNatsServer();
  if (!binary) {
    throw new Error(
      'nats: nothing answers on 127.0.0.1:4222 and no nats-server is on the PATH. Install one ' +
        '(Debian: `apt-get install nats-server`; or a release from https://github.com/nats-io/nats-server/releases) ' +
        'or set NATS_SERVER_BIN to its path, then run `npm start` again.',
    );
  }
  const storeDir = join(stateDir, 'nats');
  await mkdir(storeDir, { recursive: true });
  say(`nats: starting ${binary} with JetStream on 127.0.0.1:${NATS_PORT}`);
  supervisor.start({ name: 'nats-server', command: binary, args: ['-a', '127.0.0.1', '-p', String(NATS_PORT), '-js', '-sd', storeDir] });
  await waitFor('nats-server', () => isListening(NATS_PORT), 15_000);
}
