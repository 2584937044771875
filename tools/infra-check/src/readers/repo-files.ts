import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The checkout this tool lives in; every path the checks print is relative to it. */
export const REPO_ROOT = join(__dirname, '../../../..');

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

export function repoFileExists(path: string): boolean {
  return existsSync(join(REPO_ROOT, path));
}

/** Repo-relative paths of the files under `dir` whose names end with `suffix`, sorted. */
export function listRepoFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (absolute: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix)) found.push(relative(REPO_ROOT, path));
    }
  };
  if (existsSync(join(REPO_ROOT, dir))) walk(join(REPO_ROOT, dir));
  return found.sort();
}
