import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser journey binds the local stack's real ports (3000, 5173, 8545, 8090), so it runs
// alone: `npx vitest run --config apps/web/vitest.browser.config.mts` from the repo root, after `npm run build`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'web-browser',
    include: ['apps/web/e2e/**/*.browser-spec.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 240_000,
    maxWorkers: 1,
  },
});
