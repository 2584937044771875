import { applyDecorators, createParamDecorator, Get, HttpCode, Post, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import { OkxAuthGuard } from '../../auth/interface/okx-auth.guard';
import { FaultGuard } from '../../faults/interface/fault.guard';
import { RateLimitGuard } from '../../rate-limit/interface/rate-limit.guard';
import { OKX_ENDPOINT_META, type OkxEndpointMeta, type OkxRequest } from './okx-endpoint.meta';

// Guard order is the order OKX's edge applies them: faults (network/server), auth, rate limit.
const guarded = (meta: OkxEndpointMeta) => [SetMetadata(OKX_ENDPOINT_META, meta), UseGuards(FaultGuard, OkxAuthGuard, RateLimitGuard)];

/** A GET route of the OKX API, guarded as OKX guards it. */
export function OkxGet(meta: OkxEndpointMeta): MethodDecorator {
  return applyDecorators(Get(meta.path), ...guarded(meta));
}

/** A POST route of the OKX API; OKX answers 200 to POSTs, errors included in the envelope. */
export function OkxPost(meta: OkxEndpointMeta): MethodDecorator {
  return applyDecorators(Post(meta.path), HttpCode(200), ...guarded(meta));
}

/** The API key the auth guard authenticated. */
export const AuthedKey = createParamDecorator((_data: unknown, context: ExecutionContext): ApiKeyRecord => {
  const key = context.switchToHttp().getRequest<OkxRequest>().okxKey;
  if (!key) throw new Error('AuthedKey used on a route without authentication');
  return key;
});
