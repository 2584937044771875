import { parse } from 'yaml';

export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context?: string; readonly target?: string; readonly args?: Record<string, unknown> };
  readonly environment?: Record<string, unknown> | readonly string[];
  readonly ports?: readonly unknown[];
  readonly deploy?: { readonly replicas?: unknown };
  readonly depends_on?: Record<string, { readonly condition?: string }> | readonly string[];
  readonly profiles?: readonly string[];
  readonly volumes?: readonly unknown[];
  readonly command?: unknown;
  readonly healthcheck?: unknown;
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
}

/** Parses docker-compose.yml as Compose does, YAML merge keys (`<<: *anchor`) included. */
export function parseCompose(text: string): ComposeFile {
  const parsed = parse(text, { merge: true }) as Partial<ComposeFile> | null;
  return { services: parsed?.services ?? {} };
}

export interface ComposeVariable {
  readonly name: string;
  /** `-` default, `?` required, `+` alternative; undefined for a bare `${NAME}`. */
  readonly operator?: '-' | '?' | '+';
  readonly argument?: string;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The `${…}` variables a Compose value refers to. */
export function composeVariables(raw: string): ComposeVariable[] {
  const found: ComposeVariable[] = [];
  for (const match of raw.matchAll(VARIABLE)) {
    if (match[0] === '$$') continue;
    const name = match[1] ?? match[4]!;
    found.push({ name, operator: match[2] as ComposeVariable['operator'], argument: match[3] });
  }
  return found;
}

/** True when the whole value is one required variable, `${NAME:?…}`: only the host knows it. */
export function isRequiredVariable(raw: string): boolean {
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}$/.test(raw);
}

/**
 * The value a container sees when the host leaves every variable unset: defaults applied, and a
 * required variable inside a longer value (a password in a URL) replaced by a stand-in so the
 * rest can still be checked.
 */
export function interpolateWithDefaults(raw: string): string {
  return raw.replace(VARIABLE, (whole, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare!;
    if (operator === '-') return argument ?? '';
    if (operator === '?') return `${name.toLowerCase()}-stand-in-value`;
    return '';
  });
}

/** A service's environment as written (list or map form), values as raw strings. */
export function rawEnvironment(service: ComposeService): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  const source = service.environment;
  if (Array.isArray(source)) {
    for (const entry of source as readonly string[]) {
      const at = entry.indexOf('=');
      if (at < 0) env.set(entry, undefined);
      else env.set(entry.slice(0, at), entry.slice(at + 1));
    }
  } else if (source) {
    for (const [name, value] of Object.entries(source)) env.set(name, value === null || value === undefined ? undefined : String(value));
  }
  return env;
}
