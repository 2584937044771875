import { Inject, Injectable } from '@nestjs/common';
import { Counter, currentCorrelationId, newCorrelationId, type Logger, type Registry } from '@liqpass/observability';
import { LOGGER, METRICS_REGISTRY, RpcClient, RpcTimeoutError, RpcUnavailableError } from '@liqpass/service-kit';
import { AuditRepository } from '../../../audit/infrastructure/audit.repository';
import { EdgeError } from '../../../http-edge/domain/edge-error';
import type { EdgeContext } from '../../../http-edge/interface/edge-context';
import { isMutation, resolveService, type ProxyRoute } from '../../domain/proxy-route';
import { ReadCache, readCacheKey } from '../../domain/read-cache';
import { readServiceReply } from '../../domain/service-reply';
import { toServiceRequest } from '../../domain/service-request';

/**
 * Sends a validated, authorised request to the service that owns it over NATS request/reply
 * (the correlation id travels in the message headers) and answers with the service's data or
 * its refusal. Admin mutations are audited with their outcome, whatever it is. Cacheable reads
 * are answered from the ReadCache when it holds a current answer; a mutation makes the
 * service's cached answers stale before its own answer leaves (read-your-writes).
 */
@Injectable()
export class ForwardRequestHandler {
  private readonly cacheLookups: Counter<'route' | 'result'>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditRepository,
    private readonly cache: ReadCache,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.cacheLookups = new Counter({
      name: 'gateway_read_cache_lookups_total',
      help: 'Cacheable reads by route and result (hit: answered from the gateway; miss: sent to the service)',
      labelNames: ['route', 'result'] as const,
      registers: [registry],
    });
  }

  async execute(edge: EdgeContext<ProxyRoute>): Promise<unknown> {
    const { route, caller, input } = edge;
    const service = resolveService(route.target, input);
    const cacheKey = route.cacheable && caller.kind === 'wallet' ? readCacheKey(route.id, caller.wallet, input) : undefined;
    if (cacheKey !== undefined) {
      const cached = this.cache.get(service, cacheKey);
      this.cacheLookups.inc({ route: route.id, result: cached === undefined ? 'miss' : 'hit' });
      if (cached !== undefined) return cached;
    }
    const generation = this.cache.generation(service);
    const request = toServiceRequest(caller, input);
    let outcome: { ok: true; data: unknown } | { ok: false; error: EdgeError };
    try {
      outcome = readServiceReply(service, await this.rpc.call(service, route.target.method, request));
    } catch (error) {
      outcome = { ok: false, error: this.transportFailure(service, error) };
    }
    // Refused, timed out or not: a mutation may have changed something.
    if (isMutation(route)) this.cache.invalidate(service);
    else if (cacheKey !== undefined && outcome.ok) this.cache.set(service, cacheKey, generation, outcome.data, JSON.stringify(outcome.data).length);
    if (route.access.kind === 'admin' && isMutation(route)) await this.record(edge, outcome);
    if (!outcome.ok) throw outcome.error;
    return outcome.data;
  }

  private transportFailure(service: string, error: unknown): EdgeError {
    if (error instanceof RpcUnavailableError) return new EdgeError('SERVICE_UNAVAILABLE', 503, `the ${service} service is not available`);
    if (error instanceof RpcTimeoutError) return new EdgeError('SERVICE_TIMEOUT', 504, `the ${service} service did not answer in time`);
    this.logger.error({ err: error, service }, 'request/reply failed');
    return new EdgeError('UPSTREAM_ERROR', 502, `the ${service} service could not be reached`);
  }

  /** The action happened (or was refused) either way; a lost audit row is logged, not hidden. */
  private async record(edge: EdgeContext<ProxyRoute>, outcome: { ok: true; data: unknown } | { ok: false; error: EdgeError }): Promise<void> {
    const { route, caller, input } = edge;
    if (caller.kind !== 'wallet') return;
    const entry = {
      actor: caller.wallet,
      actorRoles: caller.roles ?? [],
      action: route.id,
      target: route.auditTarget ? route.auditTarget(input) : route.path,
      before: null,
      after: { request: input.body ?? null, reply: outcome.ok ? outcome.data : { error: outcome.error.code, message: outcome.error.message } },
      outcome: outcome.ok ? 'OK' : outcome.error.code,
      traceId: currentCorrelationId() ?? newCorrelationId(),
    };
    try {
      await this.audit.append(entry);
    } catch (error) {
      this.logger.error({ err: error, action: entry.action, target: entry.target }, 'audit row could not be written');
    }
  }
}
