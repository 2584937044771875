import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * The one config loader: parses the environment against a service's schema and returns a
 * typed, frozen object. Any missing or malformed setting stops start-up with a ConfigError
 * naming it — a half-configured service must never run.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.infer<S>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      setting: issue.path.map(String).join('.') || '(root)',
      problem: issue.message,
    }));
    throw new ConfigError(service, problems);
  }
  return Object.freeze(result.data);
}

/** The names of the settings a schema reads; used to keep infra manifests in step with code. */
export function settingNames(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
