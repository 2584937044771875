import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest server binaries Debian installed (/usr/lib/postgresql/<version>/bin). */
async function postgresBinDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root} (Debian: apt-get install postgresql)`);
  return join(root, versions[0]!, 'bin');
}

/**
 * A throw-away Postgres cluster of the drills' own (initdb + pg_ctl on a free port, data and
 * socket in a temp folder): the drills restart it, and must never touch the machine's server
 * on 5432 that other sessions use. Trust auth on 127.0.0.1 only. Postgres refuses to run as
 * root, so as root the cluster belongs to the `postgres` user.
 */
export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly dataDir: string,
    private readonly logFile: string,
    private readonly socketDir: string,
    readonly port: number,
    private readonly asUser: string | null,
  ) {}

  static async create(baseDir: string, port: number): Promise<PrivatePostgres> {
    const bin = await postgresBinDir();
    const dir = join(baseDir, 'postgres');
    await mkdir(dir, { recursive: true });
    const asUser = userInfo().uid === 0 ? 'postgres' : null;
    if (asUser) {
      const { stdout } = await run('id', ['-u', asUser]);
      const { stdout: gid } = await run('id', ['-g', asUser]);
      await chmod(baseDir, 0o755);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const pg = new PrivatePostgres(bin, join(dir, 'data'), join(dir, 'postgres.log'), dir, port, asUser);
    await pg.exec('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    return pg;
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    await this.exec('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', this.logFile, '-o', this.serverOptions()]);
  }

  /** `pg_ctl stop -m fast`: every connection is cut; `start` brings the same cluster back. */
  async stopFast(): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.dataDir]);
  }

  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.dataDir]).catch(() => undefined);
  }

  private serverOptions(): string {
    // fsync off: a drill's data need not survive a power cut, and the machine's disk is shared.
    return `-p ${this.port} -k ${this.socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const binary = join(this.bin, tool);
    const [command, argv] = this.asUser ? ['runuser', ['-u', this.asUser, '--', binary, ...args]] : [binary, args];
    await run(command, argv, { cwd: this.socketDir });
  }
}
