import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from './http-edge/domain/route-definition';
import { GATEWAY_ROUTES } from './routes';

function row(route: RouteDefinition): string {
  const { access } = route;
  const who =
    access.kind === 'admin'
      ? `admin: ${access.roles.join(', ')}${access.selfField ? ` (or the wallet in \`${access.selfField}\`)` : ''}`
      : access.kind === 'wallet'
        ? 'signed-in wallet'
        : access.kind === 'internal'
          ? '`x-internal-key`'
          : 'public';
  const target = 'target' in route ? `\`${(route as { target: { service: string } }).target.service}\` · \`${(route as { target: { method: string } }).target.method}\`` : 'gateway';
  return `| \`${route.method} ${route.path}\` | ${who} | ${target} |`;
}

describe('README', () => {
  it('documents exactly the routes, roles and routing table the code serves', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const documented = readme.split('\n').filter((line) => /^\| `(GET|POST|PUT|DELETE) /.test(line));
    expect(documented.sort()).toEqual(GATEWAY_ROUTES.map(row).sort());
  });
});
