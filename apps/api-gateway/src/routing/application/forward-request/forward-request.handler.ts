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

type Outcome = { ok: true; data: unknown } | { ok: false; error: EdgeError };

function answer(outcome: Outcome): unknown {
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

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
  /**
   * Cacheable reads on their way to the service, by cache key: the same read arriving meanwhile
   * waits for that answer instead of sending its own (an expired or emptied entry read by many
   * at once reaches the service once). Joined only while no change has been seen since it was
   * sent — the same freshness as a cached answer.
   */
  private readonly inFlight = new Map<string, { generation: number; outcome: Promise<Outcome> }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditRepository,
    private readonly cache: ReadCache,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.cacheLookups = new Counter({
      name: 'gateway_read_cache_lookups_total',
      help: 'Cacheable reads by route and result (hit: answered from the cache; joined: waited for the same read already sent; miss: sent to the service)',
      labelNames: ['route', 'result'] as const,
      registers: [registry],
    });
  }

  async execute(edge: EdgeContext<ProxyRoute>): Promise<unknown> {
    const { route, caller, input } = edge;
    const service = resolveService(route.target, input);
    const cacheKey = route.cacheable && caller.kind === 'wallet' ? readCacheKey(route.id, caller.wallet, input) : undefined;
    const generation = this.cache.generation(service);
    if (cacheKey !== undefined && this.cache.enabled) {
      const cached = this.cache.get(service, cacheKey);
      if (cached !== undefined) {
        this.cacheLookups.inc({ route: route.id, result: 'hit' });
        return cached;
      }
      const sent = this.inFlight.get(cacheKey);
      if (sent && sent.generation === generation) {
        this.cacheLookups.inc({ route: route.id, result: 'joined' });
        return answer(await sent.outcome);
      }
      this.cacheLookups.inc({ route: route.id, result: 'miss' });
    }
    const pending = this.send(service, route, toServiceRequest(caller, input));
    if (cacheKey !== undefined && this.cache.enabled) this.inFlight.set(cacheKey, { generation, outcome: pending });
    const outcome = await pending;
    if (cacheKey !== undefined && this.inFlight.get(cacheKey)?.outcome === pending) this.inFlight.delete(cacheKey);
    // Refused, timed out or not: a mutation may have changed something.
    if (isMutation(route)) this.cache.invalidate(service);
    else if (cacheKey !== undefined && outcome.ok) this.cache.set(service, cacheKey, generation, outcome.data, JSON.stringify(outcome.data).length);
    if (route.access.kind === 'admin' && isMutation(route)) await this.record(edge, outcome);
    return answer(outcome);
  }

  private async send(service: string, route: ProxyRoute, request: unknown): Promise<Outcome> {
    try {
      return readServiceReply(service, await this.rpc.call(service, route.target.method, request));
    } catch (error) {
      return { ok: false, error: this.transportFailure(service, error) };
    }
  }

  private transportFailure(service: string, error: unknown): EdgeError {
    if (error instanceof RpcUnavailableError) return new EdgeError('SERVICE_UNAVAILABLE', 503, `the ${service} service is not available`);
    if (error instanceof RpcTimeoutError) return new EdgeError('SERVICE_TIMEOUT', 504, `the ${service} service did not answer in time`);
    this.logger.error({ err: error, service }, 'request/reply failed');
    return new EdgeError('UPSTREAM_ERROR', 502, `the ${service} service could not be reached`);
  }

  /** The action happened (or was refused) either way; a lost audit row is logged, not hidden. */
  private async record(edge: EdgeContext<ProxyRoute>, outcome: Outcome): Promise<void> {
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
