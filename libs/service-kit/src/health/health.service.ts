import { Inject, Injectable } from '@nestjs/common';
import { runCheck, summarise, type HealthCheck, type HealthReport } from './health-report';
import { SERVICE_NAME } from '../tokens';

const CHECK_TIMEOUT_MS = 2000;

/**
 * Collects the service's health checks. The kit registers database and NATS; a feature adds
 * its own dependency (chain RPC, OKX, Safe…) with `register` in its onModuleInit.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runCheck(check, CHECK_TIMEOUT_MS)] as const),
    );
    return summarise(this.service, Object.fromEntries(entries));
  }
}
