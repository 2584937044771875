import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// For bench/<area>/*.bench.ts files whose area has no vitest.config.mts of its own: the
// workspace's TypeScript set-up (SWC for Nest's decorator metadata, @liqpass/* aliases).
const root = fileURLToPath(new URL('../', import.meta.url));
const libs = readdirSync(`${root}libs`);

export default defineConfig({
  root,
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'es6' },
    }),
  ],
  resolve: { alias: Object.fromEntries(libs.map((lib) => [`@liqpass/${lib}`, `${root}libs/${lib}/src/index.ts`])) },
  test: {
    name: 'bench',
    include: ['bench/*/*.bench.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
