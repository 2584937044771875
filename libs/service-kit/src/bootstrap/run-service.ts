import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import type { z } from 'zod';
import { ConfigError, loadConfig, type ServiceName } from '@liqpass/config';
import { createLogger, PinoNestLogger, type Logger } from '@liqpass/observability';

export interface ServiceContext<C> {
  readonly config: C;
  readonly logger: Logger;
}

/** Body size limit at every HTTP edge; requests are small JSON documents. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Loads and validates configuration (exiting with a message that names the bad setting),
 * builds the Nest app on Fastify and returns it ready to listen. Used by main.ts and by tests.
 */
export async function createServiceApp<S extends z.ZodObject>(
  service: ServiceName,
  schema: S,
  buildModule: (context: ServiceContext<z.infer<S>>) => unknown,
  env: Record<string, string | undefined> = process.env,
  logDestination?: DestinationStream,
): Promise<{ app: NestFastifyApplication; config: z.infer<S>; logger: Logger }> {
  const config = loadConfig(service, schema, env) as z.infer<S> & { LOG_LEVEL: string };
  const logger = createLogger(service, config.LOG_LEVEL, logDestination);
  const module = buildModule({ config, logger });
  const app = await NestFactory.create<NestFastifyApplication>(
    module as never,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.enableShutdownHooks();
  return { app, config, logger };
}

/** The whole of a service's main.ts: build, listen, log where; exit non-zero on bad config. */
export async function runService<S extends z.ZodObject>(
  service: ServiceName,
  schema: S,
  buildModule: (context: ServiceContext<z.infer<S>>) => unknown,
): Promise<void> {
  try {
    const { app, config, logger } = await createServiceApp(service, schema, buildModule);
    const { HTTP_HOST, HTTP_PORT } = config as { HTTP_HOST: string; HTTP_PORT: number };
    await app.listen(HTTP_PORT, HTTP_HOST);
    logger.info({ url: `http://${HTTP_HOST}:${HTTP_PORT}` }, `${service} listening`);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${service}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  }
}
