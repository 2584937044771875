#!/usr/bin/env node
// Compiles every Node project (apps except web, libs, tools) from TypeScript to CommonJS in
// dist/, with SWC: fast, and it emits the decorator metadata Nest's injection needs. Path
// aliases (@liqpass/<lib>) are rewritten to relative requires so dist/ runs with plain node.
// Type checking is a separate step (`tsc` per project, run by npm test).
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const SOURCE_DIRS = ['apps', 'libs', 'tools'];
const SKIP = [/\.spec\.ts$/, /\.int-spec\.ts$/, /\.d\.ts$/, /^apps\/web\//, /\/node_modules\//];

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: { '@liqpass/*': ['libs/*/src/index.ts'] },
  },
  module: { type: 'commonjs', strict: true },
  sourceMaps: true,
};

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
for (const dir of SOURCE_DIRS) {
  for await (const file of walk(join(root, dir))) {
    const rel = relative(root, file);
    if (SKIP.some((pattern) => pattern.test(rel))) continue;
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(target), file) });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
console.log(`build: compiled ${count} files to dist/ in ${Date.now() - started} ms`);
