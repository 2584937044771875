import type { z } from 'zod';
import { LOCAL_CHAIN_ID } from '@liqpass/chain';
import { SERVICE_CONFIG_SCHEMAS, settingNames, type ServiceName } from '@liqpass/config';

/**
 * What a deployment must say about a service's settings, derived from its configuration schema
 * in libs/config — never from a list kept here — so a setting added there is checked at once.
 */

/** Stated in every manifest although the schema has a default: ports, probes and grants hang on them. */
const ALWAYS_STATED = new Set(['HTTP_PORT', 'DB_SCHEMA']);
/** A default for one of these is the local stack's, known to everyone who reads the repo. */
export const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|MNEMONIC|PRIVATE/;
/** An address that, inside a container, reaches only that container. */
export const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/i;
/** An EVM address in a default can only be a local-chain account or contract (anvil's well-known ones). */
const EVM_ADDRESS = /0x[0-9a-fA-F]{40}/;

export const SERVICE_SETTINGS_FILE = 'libs/config/src/service-settings.ts';

function schemaOf(service: ServiceName): z.ZodObject {
  return SERVICE_CONFIG_SCHEMAS[service];
}

export function settingsOf(service: ServiceName): string[] {
  return settingNames(schemaOf(service));
}

/** The value the service uses when the setting is absent, if it has one. */
export function defaultOf(service: ServiceName, setting: string): { readonly found: boolean; readonly value?: unknown } {
  const field = schemaOf(service).shape[setting] as z.ZodType | undefined;
  if (!field) return { found: false };
  const parsed = field.safeParse(undefined);
  return parsed.success ? { found: true, value: parsed.data } : { found: false };
}

export interface RequiredSetting {
  readonly name: string;
  readonly reason: string;
}

/**
 * The settings whose default is not safe in production: no default at all, a secret (its
 * default is the public local one), a default pointing at this machine or at the local chain,
 * or one that ports, probes and database grants depend on.
 */
export function settingsWithoutSafeDefault(service: ServiceName): RequiredSetting[] {
  return settingsOf(service).flatMap((name): RequiredSetting[] => {
    const fallback = defaultOf(service, name);
    if (!fallback.found) return [{ name, reason: 'it has no default' }];
    if (SECRET_NAME.test(name)) return [{ name, reason: 'it is a secret and its default is the public local-stack value' }];
    const shown = JSON.stringify(fallback.value) ?? '';
    if (LOOPBACK.test(shown)) return [{ name, reason: `its default ${shown} points at the local machine` }];
    if (EVM_ADDRESS.test(shown)) return [{ name, reason: `its default ${shown} names local-chain (anvil) accounts or contracts` }];
    if (/CHAIN_ID$/.test(name) && fallback.value === LOCAL_CHAIN_ID) return [{ name, reason: `its default ${shown} is anvil's local chain` }];
    if (ALWAYS_STATED.has(name)) return [{ name, reason: 'ports, probes and database grants depend on it' }];
    return [];
  });
}

/** Problems the service's own schema finds in the values, as `SETTING: message`. */
export function schemaProblems(service: ServiceName, env: ReadonlyMap<string, string | undefined>): string[] {
  const known = new Set(settingsOf(service));
  const values = Object.fromEntries([...env].filter(([name, value]) => known.has(name) && value !== undefined));
  const parsed = schemaOf(service).safeParse(values);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}
