import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const libs = readdirSync(`${root}libs`);

// Nest's dependency injection needs decorator metadata, which esbuild does not emit: SWC does.
const swcPlugin = swc.vite({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
});

const shared = {
  plugins: [swcPlugin],
  resolve: { alias: Object.fromEntries(libs.map((lib) => [`@liqpass/${lib}`, `${root}libs/${lib}/src/index.ts`])) },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: { name: 'unit', sequence: { groupOrder: 0 }, include: ['apps/*/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'tools/**/*.spec.ts'], environment: 'node' },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          // Unit tests first (fast feedback), then the integration files.
          sequence: { groupOrder: 1 },
          include: ['apps/*/src/**/*.int-spec.ts', 'libs/*/src/**/*.int-spec.ts', 'tools/**/*.int-spec.ts', 'infra/**/*.int-spec.ts'],
          exclude: ['tools/local-stack/src/local-stack.int-spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration files share one Postgres and one NATS; two cores cannot run many at once.
          maxWorkers: 2,
        },
      },
      {
        // The web app: its logic and components in a browser-like DOM (happy-dom), React's JSX transform.
        plugins: [react()],
        resolve: shared.resolve,
        test: { name: 'web', sequence: { groupOrder: 0 }, include: ['apps/web/src/**/*.spec.tsx'], environment: 'happy-dom' },
      },
      {
        ...shared,
        test: {
          // The whole local stack binds the real ports: alone, after everything else.
          name: 'stack',
          sequence: { groupOrder: 2 },
          include: ['tools/local-stack/src/local-stack.int-spec.ts'],
          environment: 'node',
          testTimeout: 200_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
