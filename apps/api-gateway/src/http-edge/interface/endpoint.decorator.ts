import { applyDecorators, HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import type { RouteDefinition } from '../domain/route-definition';

/** Serves a controller method at the route's method and path, answering its success status. */
export function Endpoint(route: RouteDefinition): MethodDecorator {
  return applyDecorators(RequestMapping({ path: route.path, method: RequestMethod[route.method] }), HttpCode(route.successStatus));
}
