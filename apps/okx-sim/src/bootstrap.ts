import { ConfigError, loadConfig, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { createLogger, type Logger } from '@liqpass/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOkxSimApp } from './okx-sim.app';

export interface BootstrapIo {
  readonly env: Record<string, string | undefined>;
  readonly exit: (code: number) => void;
  readonly stderr: (line: string) => void;
  /** Lets tests capture the JSON log lines. */
  readonly logger?: (level: string) => Logger;
}

export interface RunningSim {
  readonly app: NestFastifyApplication;
  readonly url: string;
  /** Stops listening and releases pending work; what SIGINT/SIGTERM call. */
  readonly shutdown: (signal: string) => Promise<void>;
}

/**
 * Loads the configuration (a bad setting stops start-up, naming it), starts the simulator and
 * returns a shutdown function; `main.ts` wires it to the process signals.
 */
export async function runOkxSim(io: BootstrapIo): Promise<RunningSim | undefined> {
  let config;
  try {
    config = loadConfig('okx-sim', SERVICE_CONFIG_SCHEMAS['okx-sim'], io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(error.message);
    io.exit(1);
    return undefined;
  }
  const logger = io.logger ? io.logger(config.LOG_LEVEL) : createLogger('okx-sim', config.LOG_LEVEL);
  const app = await createOkxSimApp({ logger });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const url = await app.getUrl();
  logger.info({ url }, 'okx-sim listening: OKX paths under /api/v5, control API under /sim');
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'okx-sim shutting down');
      await app.close();
    })();
    return stopping;
  };
  return { app, url, shutdown };
}
