import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import { OkxError } from '../../shared/domain/okx-error';
import type { PrivateEndpointMeta } from '../../shared/interface/okx-endpoint.meta';
import { SimClock } from '../../sim-options';
import { SlidingWindowLimiter } from '../domain/sliding-window-limiter';

/** OKX's per-endpoint limits, counted per API key after authentication; over the limit is 50011. */
@Injectable()
export class RateLimitGate {
  constructor(
    private readonly limiter: SlidingWindowLimiter,
    private readonly clock: SimClock,
  ) {}

  admit(key: ApiKeyRecord, meta: PrivateEndpointMeta): void {
    if (!this.limiter.tryAcquire(`${key.apiKey}|${meta.path}`, meta.rateLimit, this.clock.now())) throw new OkxError('50011');
  }
}
