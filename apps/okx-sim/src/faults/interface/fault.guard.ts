import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { SimClock } from '../../sim-options';
import type { OkxRequest } from '../../shared/interface/okx-endpoint.meta';
import { decideFault, FaultRules } from '../domain/fault-rules';
import { InjectedFault } from '../domain/injected-fault';
import { DelayScheduler } from '../infrastructure/delay-scheduler';

/**
 * Runs first on every OKX route, before authentication: injected faults stand for the network
 * or OKX's own servers failing, which happens whatever the request carries.
 */
@Injectable()
export class FaultGuard implements CanActivate {
  constructor(
    private readonly rules: FaultRules,
    private readonly clock: SimClock,
    private readonly delays: DelayScheduler,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OkxRequest>();
    const path = (request.raw.url ?? request.url).split('?')[0];
    const decision = decideFault(this.rules.match(path), () => this.clock.random());
    if (decision.delayMs > 0) await this.delays.sleep(decision.delayMs);
    if (decision.error) throw new InjectedFault(decision.error);
    return true;
  }
}
