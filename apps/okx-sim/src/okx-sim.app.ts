import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, PinoNestLogger } from '@liqpass/observability';
import { AppModule } from './app.module';
import { SimExceptionFilter } from './shared/interface/sim-exception.filter';
import { resolveSimOptions, type OkxSimOptions } from './sim-options';

export type { OkxSimOptions } from './sim-options';

/**
 * Builds the simulator without listening, so tests can `listen(0)` and read the port.
 * `rawBody: true` keeps the body bytes for the signature check; the request path is read
 * from `request.raw.url`, exactly as sent.
 */
export async function createOkxSimApp(options: OkxSimOptions = {}): Promise<NestFastifyApplication> {
  const resolved = resolveSimOptions(options);
  const logger = resolved.logger ?? createLogger('okx-sim', 'silent');
  const adapter = new FastifyAdapter({ logger: false, forceCloseConnections: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ ...resolved, logger }), adapter, {
    logger: new PinoNestLogger(logger),
    rawBody: true,
    abortOnError: false,
  });
  app.useGlobalFilters(new SimExceptionFilter(logger));
  // Method, path and status only: headers carry keys and signatures, bodies carry secrets.
  // The line is built only when debug is on: most requests are not logged at all.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      if (logger.isLevelEnabled('debug'))
        logger.debug({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
      done();
    });
  return app;
}
