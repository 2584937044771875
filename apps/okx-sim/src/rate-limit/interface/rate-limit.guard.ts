import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OkxError } from '../../shared/domain/okx-error';
import { OKX_ENDPOINT_META, type OkxEndpointMeta, type OkxRequest } from '../../shared/interface/okx-endpoint.meta';
import { SimClock } from '../../sim-options';
import { SlidingWindowLimiter } from '../domain/sliding-window-limiter';

/** OKX's per-endpoint limits, counted per API key after authentication; over the limit is 50011. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: SlidingWindowLimiter,
    private readonly clock: SimClock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const meta = this.reflector.get<OkxEndpointMeta | undefined>(OKX_ENDPOINT_META, context.getHandler());
    if (!meta || meta.access === 'public') return true;
    const key = context.switchToHttp().getRequest<OkxRequest>().okxKey;
    if (!key) throw new Error(`rate limit on ${meta.path} needs an authenticated key`);
    if (!this.limiter.tryAcquire(`${key.apiKey}|${meta.path}`, meta.rateLimit, this.clock.now())) throw new OkxError('50011');
    return true;
  }
}
