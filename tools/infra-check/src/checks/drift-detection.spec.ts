import { describe, expect, it } from 'vitest';
import { parseCompose } from '../readers/compose-file.reader';
import { readK8sObjects, readSecretExamples, type K8sObject } from '../readers/k8s-manifests.reader';
import { readNatsDefinitions } from '../readers/nats-definitions.reader';
import { readPostgresInit } from '../readers/postgres-init.reader';
import { readRepoFile } from '../readers/repo-files';
import { checkComposeService, checkComposeStack, COMPOSE_ENV_EXAMPLE, COMPOSE_FILE } from './compose.check';
import { checkK8sService } from './k8s.check';
import { consumerConfigOverrides } from '../readers/event-handlers.reader';
import { checkConsumerOverrides, checkNatsConsumers, checkNatsService, checkNatsStreams } from './nats.check';
import { checkPostgresService } from './postgres.check';

/**
 * The consistency test is only worth something if it fails: each case here breaks one real file
 * in memory the way a hurried edit would, and expects the precise message naming file, service
 * and setting.
 */
const composeText = readRepoFile(COMPOSE_FILE);
const postgres = readPostgresInit();
const secrets = readSecretExamples();

function composeWith(from: string, to: string) {
  expect(composeText, `the fixture edit needs "${from}" in ${COMPOSE_FILE}`).toContain(from);
  return parseCompose(composeText.replace(from, to));
}

function k8sWith(edit: (deployment: { spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } } }) => void) {
  const objects = structuredClone(readK8sObjects()) as K8sObject[];
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata?.name === 'policy');
  edit(deployment as never);
  return objects;
}

describe('the infra checks catch drift', () => {
  it('a misspelt variable in docker-compose.yml: the unknown name and the missing one', () => {
    const problems = checkComposeService(composeWith('      DATABASE_URL: postgres://liqpass_policy', '      DATBASE_URL: postgres://liqpass_policy'), 'policy', postgres.calls);
    expect(problems).toContainEqual(expect.stringMatching(/^docker-compose\.yml services\.policy\.environment \(policy\): sets DATBASE_URL, which policy does not read/));
    expect(problems).toContainEqual(expect.stringMatching(/^docker-compose\.yml services\.policy\.environment \(policy\): does not set DATABASE_URL, which needs a deployment value/));
  });

  it('a port, a schema and a database role that disagree with libs/config', () => {
    const problems = [
      ...checkComposeService(composeWith('      HTTP_PORT: "3101"', '      HTTP_PORT: "3111"'), 'policy', postgres.calls),
      ...checkComposeService(composeWith('      DB_SCHEMA: payout', '      DB_SCHEMA: payouts'), 'payout', postgres.calls),
      ...checkComposeService(composeWith('postgres://liqpass_okx:', 'postgres://liqpass_policy:'), 'okx-binding', postgres.calls),
    ];
    expect(problems).toContainEqual(expect.stringContaining('services.policy.environment (policy): HTTP_PORT is 3111, but policy listens on 3101'));
    expect(problems).toContainEqual(expect.stringContaining('services.payout.environment (payout): DB_SCHEMA is "payouts", but payout owns schema "payout"'));
    expect(problems).toContainEqual(expect.stringContaining('services.okx-binding.environment (okx-binding): DATABASE_URL logs in as "liqpass_policy", but okx-binding\'s role is "liqpass_okx"'));
  });

  it('a secret written into docker-compose.yml, and a backend published to the host', () => {
    const hardCoded = composeWith('INTERNAL_API_KEY: ${INTERNAL_API_KEY:?set INTERNAL_API_KEY (16 characters or more)}', 'INTERNAL_API_KEY: not-so-secret-but-long-enough');
    expect(checkComposeService(hardCoded, 'api-gateway', postgres.calls)).toContainEqual(
      expect.stringContaining('services.api-gateway (api-gateway): INTERNAL_API_KEY is a secret'),
    );
    const published = composeWith('    deploy:\n      replicas: ${POLICY_REPLICAS:-1}', '    ports:\n      - "3101:3101"\n    deploy:\n      replicas: ${POLICY_REPLICAS:-1}');
    expect(checkComposeStack(published, readRepoFile(COMPOSE_ENV_EXAMPLE))).toContainEqual(
      'docker-compose.yml services.policy: publishes ports to the host; only api-gateway and web may',
    );
  });

  it('a Kubernetes Deployment missing a setting, or pointing at a Secret key nobody documents', () => {
    const missing = k8sWith((d) => {
      const container = d.spec.template.spec.containers[0]!;
      container.env = container.env.filter((entry) => entry.name !== 'DB_SCHEMA');
    });
    expect(checkK8sService(missing, secrets, 'policy')).toContainEqual(
      expect.stringMatching(/^infra\/k8s\/policy\/deployment\.yaml Deployment\/policy container policy env \(policy\): does not set DB_SCHEMA/),
    );
    const dangling = k8sWith((d) => {
      d.spec.template.spec.containers[0]!.env.push({ name: 'SESSION_SECRET', valueFrom: { secretKeyRef: { name: 'liqpass-policy', key: 'SESSION_SECRET' } } } as never);
    });
    const problems = checkK8sService(dangling, secrets, 'policy');
    expect(problems).toContainEqual(expect.stringContaining('SESSION_SECRET refers to Secret liqpass-policy key SESSION_SECRET, which infra/k8s/secrets/liqpass-policy.env.example does not list'));
    expect(problems).toContainEqual(expect.stringContaining('(policy): sets SESSION_SECRET, which policy does not read'));
  });

  it('a liveness probe on /health, which would restart pods whenever a dependency is away', () => {
    const restartsOnOutage = k8sWith((d) => {
      (d.spec.template.spec.containers[0] as unknown as { livenessProbe: unknown }).livenessProbe = { httpGet: { path: '/health', port: 'http' } };
    });
    expect(checkK8sService(restartsOnOutage, secrets, 'policy')).toContainEqual(expect.stringContaining('livenessProbe must be httpGet /health/live (or tcpSocket) on port http (3101)'));
  });

  it('a service whose schema and role infra/postgres forgot', () => {
    const withoutPayout = { ...postgres, calls: postgres.calls.filter((call) => call.schema !== 'payout') };
    expect(checkPostgresService(withoutPayout, 'payout')).toEqual([
      'infra/postgres: schema "payout" (payout) is provisioned 0 times; expected one \\set schema payout … \\ir lib/provision-service.sql',
    ]);
  });

  it('a service that overrides ack_wait at runtime, which its infra/nats consumer file does not say', () => {
    const file = 'apps/claims-verifier/src/app.module.ts';
    const text = readRepoFile(file);
    const from = 'consumerByEvent: { ClaimRequested: { concurrency: config.VERIFY_CONCURRENCY } }';
    expect(text, `the fixture edit needs "${from}" in ${file}`).toContain(from);
    const edited = text.replace(from, 'consumerByEvent: { ClaimRequested: { concurrency: config.VERIFY_CONCURRENCY, ackWaitMs: 2 * config.VERIFY_DEADLINE_MS + 5_000 } }');
    const line = edited.split('\n').findIndex((l) => l.includes('ackWaitMs')) + 1;
    expect(checkConsumerOverrides(consumerConfigOverrides([{ file, text: edited }]))).toEqual([
      `${file}:${line}: overrides ackWaitMs, but infra/nats/consumers carry libs/messaging's default ack_wait (10000) for every consumer`,
    ]);
  });

  it('a stream with the wrong subjects, a missing stream, and a consumer on the wrong version', () => {
    const { streams, consumers } = structuredClone(readNatsDefinitions());
    const policyStream = streams.find((s) => s.config.name === 'LIQPASS_POLICY')!;
    policyStream.config.subjects = ['liqpass.policies.>'];
    expect(checkNatsStreams(streams)).toContainEqual(expect.stringContaining('infra/nats/streams/LIQPASS_POLICY.json: subjects is ["liqpass.policies.>"]'));
    expect(checkNatsStreams(streams)).toContainEqual(expect.stringContaining('liqpass.policy.policy-created.v1 (PolicyCreated v1) must be captured by LIQPASS_POLICY alone'));

    expect(checkNatsService(streams.filter((s) => s.config.name !== 'LIQPASS_PAYOUT'), consumers, 'payout')).toEqual([
      'infra/nats/streams: no LIQPASS_PAYOUT.json for payout, which publishes events (libs/events PRODUCERS)',
    ]);

    const consumer = consumers.find((c) => c.fileDurable === 'okx-binding--policy-created')!;
    consumer.config.filter_subject = 'liqpass.policy.policy-created.v2';
    expect(checkNatsConsumers(streams, consumers)).toContainEqual(
      'infra/nats/consumers/LIQPASS_POLICY/okx-binding--policy-created.json: filter_subject is "liqpass.policy.policy-created.v2", but libs/messaging sets "liqpass.policy.policy-created.v1"',
    );
  });
});
