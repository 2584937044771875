import { spawnSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

/**
 * Proves the lint step really enforces the architecture: the same ESLint configuration that
 * `npm test` runs rejects a service importing another service and the web app importing
 * Node-only code, and accepts the allowed direction (service → shared lib).
 */
describe('module boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    // The rule reads Nx's cached project graph and silently passes without one: build it first,
    // exactly as npm test does before linting.
    const graph = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
    expect(graph.status).toBe(0);
    eslint = new ESLint({ cwd: root });
  }, 60_000);

  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return result!.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it('refuses a service importing another service', async () => {
    const errors = await boundaryErrors(
      'apps/policy/src/boundary-probe.ts',
      "import { PayoutAppModule } from '../../payout/src/app.module';\nexport const probe = PayoutAppModule;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses the web app importing node-only code', async () => {
    const errors = await boundaryErrors('apps/web/src/boundary-probe.ts', "import { createServiceDataSource } from '@liqpass/db';\nexport const probe = createServiceDataSource;\n");
    expect(errors.join('\n')).toMatch(/tagged with "platform:web" can only depend on libs tagged with "platform:web", "platform:any"/);
  }, 60_000);

  it('refuses a shared lib importing an app', async () => {
    const errors = await boundaryErrors('libs/config/src/boundary-probe.ts', "import { PolicyAppModule } from '../../../apps/policy/src/app.module';\nexport const probe = PolicyAppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('accepts a service importing a shared lib', async () => {
    const errors = await boundaryErrors('apps/policy/src/boundary-probe.ts', "import { SERVICES } from '@liqpass/config';\nexport const probe = SERVICES;\n");
    expect(errors).toEqual([]);
  }, 60_000);
});
