import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BACKEND_SERVICES } from '@liqpass/config';
import { HealthService, RpcClient, type CheckResult, type HealthReport } from '@liqpass/service-kit';

/**
 * The gateway is healthy only when every backend service is: each one becomes a check of the
 * gateway's /health, asked over NATS request/reply (any replica answers), so the body names
 * any service that is down and why.
 */
@Injectable()
export class BackendHealthRegistrar implements OnApplicationBootstrap {
  constructor(
    private readonly health: HealthService,
    private readonly rpc: RpcClient,
  ) {}

  onApplicationBootstrap(): void {
    for (const service of BACKEND_SERVICES) {
      this.health.register(service.name, () => this.ask(service.name));
    }
  }

  private async ask(service: string): Promise<CheckResult> {
    try {
      const reply = await this.rpc.call<HealthReport>(service, 'health', undefined, 1500);
      if (!reply.ok) return { status: 'down', detail: reply.error.message };
      const failing = Object.entries(reply.data.checks).filter(([, check]) => check.status !== 'ok');
      return failing.length === 0
        ? { status: 'ok' }
        : { status: 'down', detail: failing.map(([name, check]) => `${name}: ${check.detail ?? 'down'}`).join('; ') };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
