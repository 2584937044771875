import { listRepoFiles, readRepoFile } from './repo-files';

export interface StreamDefinition {
  readonly file: string;
  readonly config: Record<string, unknown>;
}

export interface ConsumerDefinition {
  readonly file: string;
  /** The stream it belongs to: its directory name, as `nats consumer add <stream>` takes it. */
  readonly stream: string;
  /** The durable name its file name promises. */
  readonly fileDurable: string;
  readonly config: Record<string, unknown>;
}

export const NATS_DIR = 'infra/nats';

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readRepoFile(file)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** `streams/<NAME>.json` and `consumers/<STREAM>/<durable>.json`, as infra/nats/apply.sh applies them. */
export function readNatsDefinitions(dir: string = NATS_DIR): { streams: StreamDefinition[]; consumers: ConsumerDefinition[] } {
  const streams = listRepoFiles(`${dir}/streams`, '.json').map((file) => ({ file, config: readJson(file) }));
  const consumers = listRepoFiles(`${dir}/consumers`, '.json').map((file) => {
    const [stream, name] = file.slice(`${dir}/consumers/`.length).split('/');
    return { file, stream: stream!, fileDurable: name!.replace(/\.json$/, ''), config: readJson(file) };
  });
  return { streams, consumers };
}
