import { SERVICE_NAMES } from '@liqpass/config';
import { eventKebab, isEventType } from '@liqpass/events';
import { listRepoFiles, readRepoFile } from './repo-files';

/**
 * The durable consumers the services really declare: every `@HandlesEvent('Type')` in an app's
 * source, as `<app>--<event-kebab>`. Read as text, so the tool never imports app code.
 */
export function declaredDurables(): string[] {
  const durables = new Set<string>();
  for (const app of SERVICE_NAMES) {
    for (const file of listRepoFiles(`apps/${app}/src`, '.ts')) {
      if (/\.(int-)?spec\.ts$/.test(file)) continue;
      for (const match of readRepoFile(file).matchAll(/@HandlesEvent\(\s*'([A-Za-z]+)'/g)) {
        if (isEventType(match[1]!)) durables.add(`${app}--${eventKebab(match[1]!)}`);
      }
    }
  }
  return [...durables].sort();
}
