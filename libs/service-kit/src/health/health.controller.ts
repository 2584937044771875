import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when every check is ok, 503 otherwise; the body names each check either way. */
  @Get('health')
  async get(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.health.report();
    await reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }

  /**
   * Liveness only: the process serves HTTP. Orchestrators restart on this, so it must not turn
   * red because a dependency (Postgres, NATS, another service) is away — /health does that.
   */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
