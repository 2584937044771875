import { SERVICE_NAMES, SERVICES, type ServiceName } from '@liqpass/config';
import { filesReachedBy, K8S_DIR, SECRETS_DIR, type K8sObject, type Kustomization } from '../readers/k8s-manifests.reader';
import { repoFileExists } from '../readers/repo-files';
import { checkServiceEnvironment } from './service-env.check';

interface KeyRef {
  readonly name?: string;
  readonly key?: string;
}
interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly configMapKeyRef?: KeyRef; readonly secretKeyRef?: KeyRef };
}
interface Probe {
  readonly httpGet?: { readonly path?: string; readonly port?: string | number };
  readonly tcpSocket?: { readonly port?: string | number };
}
interface Container {
  readonly name?: string;
  readonly image?: string;
  readonly ports?: readonly { readonly name?: string; readonly containerPort?: number }[];
  readonly env?: readonly EnvVar[];
  readonly envFrom?: readonly unknown[];
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly resources?: { readonly requests?: Record<string, unknown>; readonly limits?: Record<string, unknown> };
  readonly securityContext?: { readonly runAsNonRoot?: boolean };
}
interface DeploymentSpec {
  readonly replicas?: number;
  readonly selector?: { readonly matchLabels?: Record<string, string> };
  readonly template?: {
    readonly metadata?: { readonly labels?: Record<string, string> };
    readonly spec?: { readonly containers?: readonly Container[]; readonly securityContext?: { readonly runAsNonRoot?: boolean } };
  };
}
interface ServiceSpec {
  readonly selector?: Record<string, string>;
  readonly ports?: readonly { readonly port?: number; readonly targetPort?: string | number }[];
}
interface AutoscalerSpec {
  readonly scaleTargetRef?: { readonly kind?: string; readonly name?: string };
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
}

export type SecretExamples = ReadonlyMap<string, ReadonlyMap<string, string>>;

const named = (objects: readonly K8sObject[], kind: string, name: string) => objects.filter((o) => o.kind === kind && o.metadata?.name === name);
const subsetOf = (small: Record<string, string> = {}, big: Record<string, string> = {}) =>
  Object.keys(small).length > 0 && Object.entries(small).every(([key, value]) => big[key] === value);

/** The value each env entry resolves to, from literals, the ConfigMaps and the Secret templates. */
function resolveEnv(container: Container, objects: readonly K8sObject[], secrets: SecretExamples, report: (message: string) => void) {
  const env = new Map<string, string | undefined>();
  for (const entry of container.env ?? []) {
    const { configMapKeyRef: configRef, secretKeyRef: secretRef } = entry.valueFrom ?? {};
    if (entry.value !== undefined) env.set(entry.name, String(entry.value));
    else if (configRef) {
      const value = named(objects, 'ConfigMap', configRef.name ?? '')[0]?.data?.[configRef.key ?? ''];
      if (value === undefined) report(`${entry.name} refers to ConfigMap ${configRef.name} key ${configRef.key}, which no manifest in ${K8S_DIR} defines`);
      env.set(entry.name, value === undefined ? undefined : String(value));
    } else if (secretRef) {
      const value = secrets.get(secretRef.name ?? '')?.get(secretRef.key ?? '');
      if (value === undefined) report(`${entry.name} refers to Secret ${secretRef.name} key ${secretRef.key}, which ${SECRETS_DIR}/${secretRef.name}.env.example does not list`);
      env.set(entry.name, value);
    } else env.set(entry.name, undefined);
  }
  return env;
}

function probeProblems(container: Container, port: number): string[] {
  const onPort = (value: string | number | undefined) => value === 'http' || value === port;
  const problems: string[] = [];
  const readiness = container.readinessProbe?.httpGet;
  if (readiness?.path !== '/health' || !onPort(readiness.port)) problems.push(`readinessProbe must be httpGet /health on port http (${port})`);
  const liveness = container.livenessProbe;
  // Liveness restarts the pod: it must not turn red when Postgres, NATS or OKX is away, which
  // /health does by design — so /health/live (the process serves HTTP) or a TCP check.
  const livenessOk = (liveness?.httpGet?.path === '/health/live' && onPort(liveness.httpGet.port)) || onPort(liveness?.tcpSocket?.port);
  if (!livenessOk) problems.push(`livenessProbe must be httpGet /health/live (or tcpSocket) on port http (${port})`);
  return problems;
}

/** One LiqPass service on Kubernetes: its Deployment, its Service and any autoscaler. */
export function checkK8sService(objects: readonly K8sObject[], secrets: SecretExamples, service: ServiceName): string[] {
  const port = SERVICES[service].defaultHttpPort;
  const deployments = named(objects, 'Deployment', service);
  const problems: string[] = [];
  if (deployments.length !== 1) return [`${K8S_DIR}: ${deployments.length === 0 ? 'no' : 'more than one'} Deployment "${service}" (every deployable in libs/config SERVICES needs exactly one)`];
  const deployment = deployments[0]!;
  const spec = (deployment.spec ?? {}) as DeploymentSpec;
  const where = `${deployment.file} Deployment/${service}`;
  const report = (message: string) => problems.push(`${where} (${service}): ${message}`);
  const podLabels = spec.template?.metadata?.labels;
  if (!subsetOf(spec.selector?.matchLabels, podLabels)) report('selector.matchLabels must be among the pod template labels');

  const container = spec.template?.spec?.containers?.find((candidate) => candidate.name === service);
  if (!container) report(`has no container named "${service}"`);
  else {
    if (container.image?.split(':')[0] !== `liqpass/${service}`) report(`container image must be liqpass/${service} (is ${container.image})`);
    if (!container.ports?.some((p) => p.name === 'http' && p.containerPort === port)) report(`container must expose port ${port} named http`);
    if (container.envFrom?.length) report('uses envFrom: list every variable under env, so each one is visible and checked');
    const env = resolveEnv(container, objects, secrets, report);
    problems.push(...checkServiceEnvironment({ service, where: `${where} container ${service} env`, env }));
    for (const problem of probeProblems(container, port)) report(problem);
    const { requests, limits } = container.resources ?? {};
    if (!requests?.cpu || !requests.memory || !limits?.memory) report('resources must set requests.cpu, requests.memory and limits.memory');
    if (!(container.securityContext?.runAsNonRoot ?? spec.template?.spec?.securityContext?.runAsNonRoot)) report('must run with runAsNonRoot: true');
  }

  const services = named(objects, 'Service', service);
  if (services.length !== 1) problems.push(`${K8S_DIR}: ${services.length === 0 ? 'no' : 'more than one'} Service "${service}"`);
  for (const definition of services) {
    const serviceSpec = (definition.spec ?? {}) as ServiceSpec;
    const at = `${definition.file} Service/${service} (${service})`;
    if (!subsetOf(serviceSpec.selector, podLabels)) problems.push(`${at}: selector does not match the pods of Deployment/${service}`);
    if (!serviceSpec.ports?.some((p) => p.port === port && (p.targetPort === 'http' || p.targetPort === port))) {
      problems.push(`${at}: must serve port ${port} with targetPort http`);
    }
  }

  for (const autoscaler of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler' && (o.spec as AutoscalerSpec)?.scaleTargetRef?.name === service)) {
    const hpa = autoscaler.spec as AutoscalerSpec;
    const at = `${autoscaler.file} HorizontalPodAutoscaler/${autoscaler.metadata?.name} (${service})`;
    if (!(hpa.minReplicas !== undefined && hpa.minReplicas >= 1 && hpa.maxReplicas !== undefined && hpa.maxReplicas >= hpa.minReplicas)) {
      problems.push(`${at}: needs 1 <= minReplicas <= maxReplicas`);
    }
    if (spec.replicas !== undefined) problems.push(`${where} (${service}): sets replicas although ${autoscaler.file} scales it; every apply would reset the autoscaler`);
  }
  return problems;
}

/** The manifests as a whole: every file applied by a kustomization, nothing stale or dangling. */
export function checkK8sStack(objects: readonly K8sObject[], kustomizations: readonly Kustomization[], secrets: SecretExamples): string[] {
  const problems: string[] = [];
  const reached = new Set(kustomizations.flatMap((kustomization) => [...filesReachedBy(kustomization, kustomizations)]));
  for (const kustomization of kustomizations) {
    for (const resource of kustomization.resources) {
      if (!repoFileExists(resource)) problems.push(`${kustomization.file}: lists ${resource}, which does not exist`);
    }
  }
  for (const file of new Set(objects.map((o) => o.file))) {
    if (!reached.has(file)) problems.push(`${file}: no kustomization.yaml lists it, so kubectl apply -k never applies it`);
  }
  const deployables = [...SERVICE_NAMES, 'web'] as string[];
  for (const o of objects.filter((candidate) => candidate.kind === 'Deployment' || candidate.kind === 'Service')) {
    if (!deployables.includes(o.metadata?.name ?? '')) problems.push(`${o.file} ${o.kind}/${o.metadata?.name}: not a deployable in libs/config SERVICES (nor web): stale?`);
  }

  const refs = objects
    .flatMap((o) => ((o.spec as DeploymentSpec | undefined)?.template?.spec?.containers ?? []).flatMap((c) => c.env ?? []))
    .map((entry) => entry.valueFrom ?? {});
  const used = (kind: 'configMapKeyRef' | 'secretKeyRef', name: string, key: string) =>
    refs.some((ref) => ref[kind]?.name === name && ref[kind]?.key === key);
  for (const configMap of objects.filter((o) => o.kind === 'ConfigMap')) {
    for (const key of Object.keys(configMap.data ?? {})) {
      if (!used('configMapKeyRef', configMap.metadata?.name ?? '', key)) problems.push(`${configMap.file} ConfigMap/${configMap.metadata?.name}: key ${key} is read by no container: stale?`);
    }
  }
  for (const [secret, keys] of secrets) {
    for (const key of keys.keys()) {
      if (!used('secretKeyRef', secret, key)) problems.push(`${SECRETS_DIR}/${secret}.env.example: key ${key} is read by no container: stale?`);
    }
  }
  return problems;
}
