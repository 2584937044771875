import { Injectable } from '@nestjs/common';
import { SimClock } from '../../sim-options';
import { decideFault, FaultRules, type FaultResponse } from '../domain/fault-rules';

/**
 * Rolls the fault dice for an OKX request, before authentication: injected faults stand for
 * the network or OKX's own servers failing, which happens whatever the request carries.
 */
@Injectable()
export class FaultGate {
  private readonly random = () => this.clock.random();

  constructor(
    private readonly rules: FaultRules,
    private readonly clock: SimClock,
  ) {}

  /** `url` as it arrived (query included); the rules match its path. */
  decide(url: string): { delayMs: number; error?: FaultResponse } {
    const query = url.indexOf('?');
    return decideFault(this.rules.match(query === -1 ? url : url.slice(0, query)), this.random);
  }
}
