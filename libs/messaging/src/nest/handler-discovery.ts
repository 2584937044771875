import { Injectable } from '@nestjs/common';
import type { EventType } from '@liqpass/events';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { AnyEventHandlerRegistration } from '../inbox/event-handler';
import { type ConsumerPolicy, resolveConsumerPolicy } from '../topology/consumer-policy';
import { HANDLES_EVENT_METADATA, type HandlesEventMetadata } from './handles-event.decorator';

/** Finds every `@HandlesEvent` method on the application's singleton providers. */
@Injectable()
export class HandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  discover(service: string, defaults: Partial<ConsumerPolicy> = {}, byEvent: Partial<Record<EventType, Partial<ConsumerPolicy>>> = {}): AnyEventHandlerRegistration[] {
    const found: AnyEventHandlerRegistration[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const marks = Reflect.getMetadata(HANDLES_EVENT_METADATA, method) as HandlesEventMetadata[] | undefined;
        if (!marks) continue;
        if (!wrapper.isDependencyTreeStatic()) throw new Error(`@HandlesEvent on ${wrapper.name}.${name}: handlers must be singleton providers`);
        for (const { type, options } of marks) {
          found.push({
            type,
            consumer: options.consumer ?? service,
            policy: resolveConsumerPolicy({ ...defaults, ...options.policy, ...byEvent[type] }),
            staged: options.staged === true,
            ...(options.staged === true && options.checkSeen === false ? { checkSeen: false } : {}),
            handle: (event: unknown, managerOrCommit: unknown) => (method as Function).call(instance, event, managerOrCommit),
          } as AnyEventHandlerRegistration);
        }
      }
    }
    return found;
  }
}
