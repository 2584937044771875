import { dirname, join, normalize } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { listRepoFiles, readRepoFile } from './repo-files';

/** The fields of a Kubernetes object the checks read; everything else passes through unread. */
export interface K8sObject {
  /** Repo-relative file the object came from. */
  readonly file: string;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly data?: Record<string, unknown>;
}

export interface Kustomization {
  readonly file: string;
  /** Repo-relative paths of the files and directories it lists. */
  readonly resources: readonly string[];
}

export const K8S_DIR = 'infra/k8s';
const KUSTOMIZATION = 'kustomization.yaml';

/** Every object in every manifest under infra/k8s (kustomization files aside); YAML errors name the file. */
export function readK8sObjects(dir: string = K8S_DIR): K8sObject[] {
  return listRepoFiles(dir, '.yaml')
    .filter((file) => !file.endsWith(`/${KUSTOMIZATION}`))
    .flatMap((file) =>
      parseAllDocuments(readRepoFile(file)).flatMap((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
        const value = document.toJS() as Omit<K8sObject, 'file'> | null;
        return value ? [{ ...value, file }] : [];
      }),
    );
}

export function readKustomizations(dir: string = K8S_DIR): Kustomization[] {
  return listRepoFiles(dir, KUSTOMIZATION).map((file) => {
    const parsed = parse(readRepoFile(file)) as { resources?: string[] } | null;
    return { file, resources: (parsed?.resources ?? []).map((resource) => normalize(join(dirname(file), resource))) };
  });
}

/** The manifest files a kustomization pulls in, following directory resources to their kustomization. */
export function filesReachedBy(kustomization: Kustomization, all: readonly Kustomization[]): Set<string> {
  const reached = new Set<string>();
  const visit = (current: Kustomization) => {
    for (const resource of current.resources) {
      const nested = all.find((candidate) => candidate.file === join(resource, KUSTOMIZATION));
      if (nested) visit(nested);
      else reached.add(resource);
    }
  };
  visit(kustomization);
  return reached;
}

export const SECRETS_DIR = `${K8S_DIR}/secrets`;

/**
 * The keys (and example values) of each Secret the manifests refer to, from the committed
 * templates `secrets/<secret-name>.env.example`; the real `.env` files never enter the repo.
 */
export function readSecretExamples(dir: string = SECRETS_DIR): Map<string, Map<string, string>> {
  const secrets = new Map<string, Map<string, string>>();
  for (const file of listRepoFiles(dir, '.env.example')) {
    const name = file.slice(dir.length + 1, -'.env.example'.length);
    const keys = new Map<string, string>();
    for (const line of readRepoFile(file).split('\n')) {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) continue;
      const at = trimmed.indexOf('=');
      if (at > 0) keys.set(trimmed.slice(0, at), trimmed.slice(at + 1));
    }
    secrets.set(name, keys);
  }
  return secrets;
}

