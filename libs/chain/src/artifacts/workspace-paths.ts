import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The monorepo root: the nearest directory at or above `start` holding contracts/foundry.toml.
 * Found from the working directory (not this file's location) because the same code runs from
 * libs/ under Vitest and from dist/ after the SWC build; LIQPASS_ROOT overrides it.
 */
export function workspaceRoot(start: string = process.env.LIQPASS_ROOT ?? process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'contracts', 'foundry.toml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no LiqPass workspace (contracts/foundry.toml) at or above ${start}; run from the checkout or set LIQPASS_ROOT`);
    }
    dir = parent;
  }
}

export const contractsDir = (root: string = workspaceRoot()) => join(root, 'contracts');

/** Absolute path of a file inside an installed npm package, resolved the way Node would from the workspace. */
export function packageFile(root: string, packageName: string, file: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}
