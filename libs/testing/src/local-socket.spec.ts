import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unixSocketUrl } from './local-socket';

describe('unixSocketUrl', () => {
  const empty = mkdtempSync(join(tmpdir(), 'pg-nosock-'));
  const dir = mkdtempSync(join(tmpdir(), 'pg-sock-'));
  writeFileSync(join(dir, '.s.PGSQL.5432'), '');
  writeFileSync(join(dir, '.s.PGSQL.6543'), '');
  afterAll(() => [empty, dir].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('points a loopback URL at the first directory holding the socket of its port, keeping credentials and database', () => {
    const url = unixSocketUrl('postgres://liqpass_claims:s3cret@127.0.0.1:5432/liqpass', [empty, dir]);
    expect(url).not.toBeNull();
    const parsed = new URL(url!);
    expect(parsed.searchParams.get('host')).toBe(dir);
    expect([parsed.username, parsed.password, parsed.pathname, parsed.port]).toEqual(['liqpass_claims', 's3cret', '/liqpass', '5432']);
  });

  it('uses the default port 5432 and the port the URL names', () => {
    expect(new URL(unixSocketUrl('postgres://u@localhost/db', [dir])!).searchParams.get('host')).toBe(dir);
    expect(unixSocketUrl('postgres://u@localhost:6543/db', [dir])).not.toBeNull();
    expect(unixSocketUrl('postgres://u@localhost:7654/db', [dir])).toBeNull();
  });

  it('leaves alone a remote server, a URL that already names its host, and a machine without the socket', () => {
    expect(unixSocketUrl('postgres://u@db.internal:5432/db', [dir])).toBeNull();
    expect(unixSocketUrl('postgres://u@127.0.0.1:5432/db?host=/elsewhere', [dir])).toBeNull();
    expect(unixSocketUrl('postgres://u@127.0.0.1:5432/db', [empty])).toBeNull();
  });
});
