import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's Postgres (`/var/run/postgresql`) and source or embedded builds (`/tmp`) put their sockets. */
const POSTGRES_SOCKET_DIRS: readonly string[] = ['/var/run/postgresql', '/tmp'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The same Postgres URL over the server's Unix socket, when it names a server on this machine
 * whose socket (`<dir>/.s.PGSQL.<port>`) is in one of `dirs`; null otherwise, and for a URL that
 * already says where to connect (`?host=`). node-postgres (and so TypeORM) reads `?host=<dir>`
 * as the socket directory; user, password, database and port stay as they were.
 *
 * Why bother: with everything on one machine, every round trip over loopback TCP runs the
 * network stack on both sides. Claim storms ran ~8 % faster on average with their services on
 * the socket (bench/README.md). Whoever uses the answer must still try it: a server may refuse
 * socket logins (`peer` in pg_hba.conf) that it accepts over TCP.
 */
export function unixSocketUrl(url: string, dirs: readonly string[] = POSTGRES_SOCKET_DIRS): string | null {
  const parsed = new URL(url);
  if (!LOOPBACK.has(parsed.hostname) || parsed.searchParams.has('host')) return null;
  const port = parsed.port || '5432';
  const dir = dirs.find((candidate) => existsSync(join(candidate, `.s.PGSQL.${port}`)));
  if (!dir) return null;
  parsed.searchParams.set('host', dir);
  return parsed.toString();
}
