import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { OkxAuthenticator } from '../../auth/interface/okx-authenticator';
import type { FaultResponse } from '../../faults/domain/fault-rules';
import { InjectedFault } from '../../faults/domain/injected-fault';
import { DelayScheduler } from '../../faults/infrastructure/delay-scheduler';
import { FaultGate } from '../../faults/interface/fault.gate';
import { RateLimitGate } from '../../rate-limit/interface/rate-limit.gate';
import { SIM_OPTIONS, type ResolvedSimOptions } from '../../sim-options';
import type { RawQuery } from '../domain/query-params';
import { ok } from './envelope';
import type { OkxRequest } from './okx-endpoint.meta';
import { OKX_ROUTES, type OkxRoute } from './okx-route';
import { sendSimError } from './sim-error-response';

/**
 * Serves the OKX routes as plain Fastify routes on Nest's own instance, each request through
 * one pass in the order OKX's edge applies them: faults (network/server), authentication and
 * permission, rate limit, the handler, the envelope. Nest's per-request machinery (execution
 * contexts, guard and interceptor chains, metadata lookups, promise-wrapped steps) was most of
 * the simulator's CPU per OKX read in a claim storm; the control API stays on Nest.
 */
@Injectable()
export class OkxRouter implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(OKX_ROUTES) private readonly routes: readonly OkxRoute[],
    private readonly faults: FaultGate,
    private readonly delays: DelayScheduler,
    private readonly auth: OkxAuthenticator,
    private readonly rateLimit: RateLimitGate,
    @Inject(SIM_OPTIONS) private readonly options: ResolvedSimOptions,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const route of this.routes) {
      fastify.route({ method: route.method, url: route.meta.path, handler: (request, reply) => this.serve(route, request, reply) });
    }
  }

  private serve(route: OkxRoute, request: OkxRequest, reply: FastifyReply): void {
    const fault = this.faults.decide(request.raw.url ?? request.url);
    if (fault.delayMs > 0) void this.delays.sleep(fault.delayMs).then(() => this.answer(route, request, reply, fault.error));
    else this.answer(route, request, reply, fault.error);
  }

  private answer(route: OkxRoute, request: OkxRequest, reply: FastifyReply, fault: FaultResponse | undefined): void {
    try {
      if (fault) throw new InjectedFault(fault);
      const query = request.query as RawQuery;
      if (route.kind === 'public') {
        void reply.send(ok(route.handle(query)));
        return;
      }
      const key = this.auth.authenticate(request, route.meta);
      this.rateLimit.admit(key, route.meta);
      void reply.send(ok(route.handle({ key, query, body: request.body })));
    } catch (error) {
      sendSimError(error, request, reply, this.options.logger);
    }
  }
}
