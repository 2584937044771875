// Benchmarks run the compiled workspace (dist/, what `node dist/apps/<service>/src/main.js`
// runs in production), not a test transform: `npm run bench` builds first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where benchmarks write their figures (bench/lib/results.mjs) and runs are gathered (run-record.mjs). */
export const RESULTS_DIR = join(ROOT, 'tmp', 'bench');
const require = createRequire(join(ROOT, 'package.json'));

/** Loads a compiled module: `dist('libs/testing')` or `dist('apps/claims-verifier/src/testing/okx-binding-stand-in')`. */
export function dist(path) {
  const file = path.startsWith('libs/') && !path.includes('/src/') ? join(ROOT, 'dist', path, 'src/index.js') : join(ROOT, 'dist', `${path}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm run bench does, unless --no-build)`);
  return require(file);
}

/** A package from the workspace's node_modules. */
export const pkg = (name) => require(name);
