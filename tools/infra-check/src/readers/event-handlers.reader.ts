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

/** An app source line that sets a consumer setting JetStream's consumer config carries. */
export interface ConsumerConfigOverride {
  readonly file: string;
  readonly line: number;
  readonly setting: 'ackWaitMs' | 'maxDeliver';
}

/**
 * Where an app overrides `ackWaitMs` or `maxDeliver` (in `MessagingModule.forRoot`'s `consumer` /
 * `consumerByEvent`, or a `@HandlesEvent` policy): the two consumer settings that reach the
 * durable's config (ack_wait, max_deliver). `concurrency` and `retry` stay in the process.
 */
export function consumerConfigOverrides(files: readonly { file: string; text: string }[] = appSources()): ConsumerConfigOverride[] {
  const found: ConsumerConfigOverride[] = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const match of line.matchAll(/\b(ackWaitMs|maxDeliver)\s*:/g)) found.push({ file, line: i + 1, setting: match[1] as ConsumerConfigOverride['setting'] });
    });
  }
  return found;
}

function appSources(): { file: string; text: string }[] {
  return SERVICE_NAMES.flatMap((app) =>
    listRepoFiles(`apps/${app}/src`, '.ts')
      .filter((file) => !/\.(int-)?spec\.ts$/.test(file) && !file.includes('/testing/'))
      .map((file) => ({ file, text: readRepoFile(file) })),
  );
}
