import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Who this process is in the lease table and in `ingested_by`: host, pid and a random tag. */
export class ListenerInstance {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
