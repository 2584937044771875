import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '../../auth/domain/caller';
import type { RouteDefinition, RouteInput } from '../domain/route-definition';

/** What the guard established about a request: its route, its caller and its validated inputs. */
export interface EdgeContext<R extends RouteDefinition = RouteDefinition> {
  readonly route: R;
  readonly caller: Caller;
  readonly input: RouteInput<R>;
}

const contexts = new WeakMap<object, EdgeContext>();

export function setEdgeContext(request: object, context: EdgeContext): void {
  contexts.set(request, context);
}

/** Handler parameter: the request's EdgeContext. Handlers never read the raw request. */
export const Edge = createParamDecorator((_data: unknown, context: ExecutionContext): EdgeContext => {
  const found = contexts.get(context.switchToHttp().getRequest<object>());
  if (!found) throw new Error('no edge context: the route is missing from the route catalogue');
  return found;
});
