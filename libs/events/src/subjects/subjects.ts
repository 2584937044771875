import { EVENT_CATALOG, type EventType } from '../catalog/event-catalog';
import type { Producer } from '../producers';

/** Subjects start with this token unless a caller (usually a test) isolates itself with another. */
export const DEFAULT_SUBJECT_PREFIX = 'liqpass';

const PREFIX = /^[a-z][a-z0-9_-]{0,31}$/;

export function assertSubjectPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new Error(`subject prefix must match ${PREFIX}: "${prefix}"`);
  return prefix;
}

/** `PremiumPaid` → `premium-paid`. */
export function eventKebab(type: EventType): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `liqpass.<producer>.<event-kebab>.v<N>` (ARCHITECTURE.md, "Messaging"). */
export function eventSubject(type: EventType, version: number = EVENT_CATALOG[type].latest, prefix: string = DEFAULT_SUBJECT_PREFIX): string {
  return `${assertSubjectPrefix(prefix)}.${EVENT_CATALOG[type].producer}.${eventKebab(type)}.v${version}`;
}

/** Every subject a producer publishes on: one stream per producer captures them. */
export function producerSubjects(producer: Producer, prefix: string = DEFAULT_SUBJECT_PREFIX): string {
  return `${assertSubjectPrefix(prefix)}.${producer}.>`;
}
