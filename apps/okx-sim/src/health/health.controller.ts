import { Controller, Get } from '@nestjs/common';

/** Liveness for the local stack; the simulator has no dependencies to report on. */
@Controller('health')
export class HealthController {
  @Get()
  health() {
    return { status: 'ok' };
  }
}
