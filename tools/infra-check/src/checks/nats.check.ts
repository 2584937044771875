import type { JetStreamManager } from '@nats-io/jetstream';
import { SERVICE_NAMES, SERVICES, type ServiceName } from '@liqpass/config';
import { DEFAULT_SUBJECT_PREFIX, EVENT_CATALOG, EVENT_TYPES, eventKebab, eventSubject, isProducer, PRODUCERS, type EventType } from '@liqpass/events';
import { DEFAULT_CONSUMER_POLICY, JetStreamTopology, streamName } from '@liqpass/messaging';
import type { ConsumerConfigOverride } from '../readers/event-handlers.reader';
import { NATS_DIR, type ConsumerDefinition, type StreamDefinition } from '../readers/nats-definitions.reader';

/**
 * The services declare their streams and consumers from code at start-up (libs/messaging) and
 * the owner updates its stream to what the code says; infra/nats must say the same, or the
 * first deploy and the first restart disagree. Only the pure config builders are used here.
 */
const topology = new JetStreamTopology({} as JetStreamManager, DEFAULT_SUBJECT_PREFIX);

/** Written out in the files for readers, equal to what the server assumes when they are absent. */
const SERVER_DEFAULTS: Readonly<Record<string, unknown>> = {
  max_msgs: -1,
  max_bytes: -1,
  max_msg_size: -1,
  max_consumers: -1,
  max_msgs_per_subject: -1,
  replay_policy: 'instant',
};

/** NATS subject matching: `*` is one token, a final `>` one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const wanted = filter.split('.');
  const actual = subject.split('.');
  for (let i = 0; i < wanted.length; i += 1) {
    if (wanted[i] === '>') return actual.length > i;
    if (i >= actual.length || (wanted[i] !== '*' && wanted[i] !== actual[i])) return false;
  }
  return wanted.length === actual.length;
}

function sameAsCode(file: string, written: Record<string, unknown>, code: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(code)) {
    if (JSON.stringify(written[key]) !== JSON.stringify(value)) {
      problems.push(`${file}: ${key} is ${JSON.stringify(written[key])}, but libs/messaging sets ${JSON.stringify(value)}`);
    }
  }
  for (const [key, value] of Object.entries(written)) {
    if (key in code) continue;
    if (!(key in SERVER_DEFAULTS) || JSON.stringify(SERVER_DEFAULTS[key]) !== JSON.stringify(value)) {
      problems.push(`${file}: sets ${key} = ${JSON.stringify(value)}, which libs/messaging does not; the services would change it back on start-up`);
    }
  }
  return problems;
}

/** One service's part: its stream if it publishes, a database (for its inbox) if it consumes. */
export function checkNatsService(streams: readonly StreamDefinition[], consumers: readonly ConsumerDefinition[], service: ServiceName): string[] {
  const problems: string[] = [];
  if (isProducer(service) && !streams.some((stream) => stream.config.name === streamName(service))) {
    problems.push(`${NATS_DIR}/streams: no ${streamName(service)}.json for ${service}, which publishes events (libs/events PRODUCERS)`);
  }
  for (const consumer of consumers.filter((c) => c.fileDurable.startsWith(`${service}--`))) {
    if (!SERVICES[service].schema) problems.push(`${consumer.file} (${service}): ${service} has no database for the inbox a durable consumer needs`);
  }
  return problems;
}

/** Streams: one per producer with its subjects, together capturing every event subject exactly once. */
export function checkNatsStreams(streams: readonly StreamDefinition[]): string[] {
  const problems: string[] = [];
  const expected = new Map(PRODUCERS.map((producer) => [streamName(producer), producer]));
  for (const { file, config } of streams) {
    const name = String(config.name);
    if (!file.endsWith(`/${name}.json`)) problems.push(`${file}: the file must be named after its stream, ${name}.json`);
    const producer = expected.get(name);
    if (!producer) problems.push(`${file}: stream ${name} belongs to no producer in libs/events PRODUCERS: stale?`);
    else problems.push(...sameAsCode(file, config, topology.streamConfig(producer) as Record<string, unknown>));
  }
  for (const type of EVENT_TYPES) {
    for (const version of Object.keys(EVENT_CATALOG[type].versions).map(Number)) {
      const subject = eventSubject(type, version);
      const capturing = streams.filter(({ config }) => ((config.subjects as string[] | undefined) ?? []).some((filter) => subjectMatches(filter, subject)));
      const owner = streamName(EVENT_CATALOG[type].producer);
      if (capturing.length !== 1 || capturing[0]!.config.name !== owner) {
        problems.push(`${NATS_DIR}/streams: ${subject} (${type} v${version}) must be captured by ${owner} alone, is by [${capturing.map((s) => String(s.config.name)).join(', ')}]`);
      }
    }
  }
  return problems;
}

const TYPE_BY_KEBAB = new Map<string, EventType>(EVENT_TYPES.map((type) => [eventKebab(type), type]));

/** Durable consumers: `<consumer>--<event>` on the producer's stream, configured as the code does. */
export function checkNatsConsumers(streams: readonly StreamDefinition[], consumers: readonly ConsumerDefinition[]): string[] {
  const problems: string[] = [];
  for (const { file, stream, fileDurable, config } of consumers) {
    if (config.durable_name !== fileDurable) problems.push(`${file}: durable_name is ${JSON.stringify(config.durable_name)}, the file name says ${fileDurable}`);
    if (config.deliver_subject !== undefined) problems.push(`${file}: has deliver_subject; LiqPass consumers are pull consumers`);
    const match = /^([a-z][a-z0-9-]*?)--([a-z0-9-]+)$/.exec(fileDurable);
    const consumer = match?.[1];
    const type = TYPE_BY_KEBAB.get(match?.[2] ?? '');
    if (!consumer || !(SERVICE_NAMES as readonly string[]).includes(consumer) || !type) {
      problems.push(`${file}: ${fileDurable} is not <service>--<event> with a service from libs/config SERVICES and an event from libs/events`);
      continue;
    }
    const producer = EVENT_CATALOG[type].producer;
    if (stream !== streamName(producer)) problems.push(`${file}: ${type} is published by ${producer}, so its consumers live on ${streamName(producer)}, not ${stream}`);
    if (!streams.some((candidate) => candidate.config.name === stream)) problems.push(`${file}: no stream ${stream} in ${NATS_DIR}/streams`);
    const code = topology.consumerConfig(producer, { consumer, type, policy: DEFAULT_CONSUMER_POLICY });
    problems.push(...sameAsCode(file, config, code as Record<string, unknown>));
  }
  return problems;
}

/**
 * infra/nats/consumers are held to libs/messaging's DEFAULT_CONSUMER_POLICY (above), so a service
 * that overrides ack_wait or max_deliver at runtime would run consumers unlike their files (and
 * the first deploy and the first restart would disagree). No consumer needs one: every message a
 * runner holds heartbeats. An override must be written into infra/nats and taught to this check.
 */
export function checkConsumerOverrides(overrides: readonly ConsumerConfigOverride[]): string[] {
  const settingOf = { ackWaitMs: 'ack_wait', maxDeliver: 'max_deliver' } as const;
  return overrides.map(
    ({ file, line, setting }) =>
      `${file}:${line}: overrides ${setting}, but ${NATS_DIR}/consumers carry libs/messaging's default ${settingOf[setting]} (${String(DEFAULT_CONSUMER_POLICY[setting])}) for every consumer`,
  );
}
