import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '@liqpass/config';
import { checkComposeService, checkComposeStack, COMPOSE_ENV_EXAMPLE, COMPOSE_FILE } from './checks/compose.check';
import { checkK8sService, checkK8sStack } from './checks/k8s.check';
import { checkConsumerOverrides, checkNatsConsumers, checkNatsService, checkNatsStreams } from './checks/nats.check';
import { consumerConfigOverrides, declaredDurables } from './readers/event-handlers.reader';
import { checkPostgresService, checkPostgresStack } from './checks/postgres.check';
import { parseCompose } from './readers/compose-file.reader';
import { readK8sObjects, readKustomizations, readSecretExamples } from './readers/k8s-manifests.reader';
import { readNatsDefinitions } from './readers/nats-definitions.reader';
import { readPostgresInit } from './readers/postgres-init.reader';
import { readRepoFile } from './readers/repo-files';

/**
 * docker-compose.yml, infra/postgres, infra/nats and infra/k8s cannot run on this machine (no
 * Docker engine), so this keeps them honest instead: every deployable in libs/config SERVICES,
 * its port and every variable it is given are checked against the code's own registry and
 * configuration schemas, the database set-up against the schemas and roles, and the NATS
 * definitions against libs/events and libs/messaging. Each failure names file, service and
 * setting; the list of problems is the assertion, so one run shows all of them.
 */
const compose = parseCompose(readRepoFile(COMPOSE_FILE));
const postgres = readPostgresInit();
const nats = readNatsDefinitions();
const k8sObjects = readK8sObjects();
const secrets = readSecretExamples();

describe.each(SERVICE_NAMES)('%s is deployable as the code expects', (service) => {
  it('has a docker-compose service with its port, exactly the settings it reads, its schema and role', () => {
    expect(checkComposeService(compose, service, postgres.calls)).toEqual([]);
  });

  it('has a Kubernetes Deployment and Service with its port, exactly the settings it reads, probes and resources', () => {
    expect(checkK8sService(k8sObjects, secrets, service)).toEqual([]);
  });

  it('has its Postgres schema and role provisioned', () => {
    expect(checkPostgresService(postgres, service)).toEqual([]);
  });

  it('has its JetStream stream if it publishes events', () => {
    expect(checkNatsService(nats.streams, nats.consumers, service)).toEqual([]);
  });
});

describe('the stack around the services', () => {
  it('docker-compose.yml publishes only the edge, wires Postgres and NATS set-up, documents its secrets', () => {
    expect(checkComposeStack(compose, readRepoFile(COMPOSE_ENV_EXAMPLE))).toEqual([]);
  });

  it('infra/k8s is applied whole by its kustomizations, with no stale objects or keys', () => {
    expect(checkK8sStack(k8sObjects, readKustomizations(), secrets)).toEqual([]);
  });

  it('infra/postgres creates the database and provisions each role as libs/db does', () => {
    expect(checkPostgresStack(postgres)).toEqual([]);
  });

  it('infra/nats has one stream per producer capturing each event subject, configured as libs/messaging does', () => {
    expect(checkNatsStreams(nats.streams)).toEqual([]);
  });

  it('infra/nats consumers are <service>--<event> on the producer stream, configured as libs/messaging does', () => {
    expect(nats.consumers.length).toBeGreaterThan(0);
    expect(checkNatsConsumers(nats.streams, nats.consumers)).toEqual([]);
  });

  it('the services run their consumers with the ack_wait and max_deliver infra/nats carries (no runtime overrides)', () => {
    expect(checkConsumerOverrides(consumerConfigOverrides())).toEqual([]);
  });

  it('infra/nats defines exactly the consumers the services declare with @HandlesEvent', () => {
    const declared = declaredDurables();
    expect(declared.length).toBeGreaterThan(0);
    expect(nats.consumers.map((c) => c.fileDurable).sort()).toEqual(declared);
  });
});
