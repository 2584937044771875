import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OkxClient } from '@liqpass/okx-client';
import { HealthService } from '@liqpass/service-kit';

/** `/health` names OKX (or the simulator) as one of this service's dependencies. */
@Injectable()
export class OkxHealthRegistration implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly okx: OkxClient,
  ) {}

  onModuleInit(): void {
    this.health.register('okx', async () => {
      try {
        await this.okx.checkReachable();
        return { status: 'ok' };
      } catch (error) {
        return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
    });
  }
}
