import { ConfigError, type ServiceConfigOf } from '@liqpass/config';
import { parseKeyRing, type KeyRing } from '../credentials/domain/key-ring';

export type OkxBindingConfig = ServiceConfigOf<'okx-binding'>;

/** The okx-binding settings past what the shared schema checks: the key ring, parsed strictly. */
export interface OkxBindingSettings {
  readonly okx: { readonly baseUrl: string; readonly demoTrading: boolean; readonly timeoutMs: number };
  readonly keyRing: KeyRing;
  readonly minLiqDistanceBps: number;
}

export const OKX_BINDING_SETTINGS = Symbol('OKX_BINDING_SETTINGS');

/**
 * Runs at start-up (and in the rotation command): a malformed OKX_ENCRYPTION_KEYS stops the
 * process with a ConfigError naming it. The shared schema only checks it is not empty — the
 * deployment checks validate manifests against that schema with stand-in secret values.
 */
export function okxBindingSettings(config: OkxBindingConfig): OkxBindingSettings {
  let keyRing: KeyRing;
  try {
    keyRing = parseKeyRing(config.OKX_ENCRYPTION_KEYS);
  } catch (error) {
    throw new ConfigError('okx-binding', [{ setting: 'OKX_ENCRYPTION_KEYS', problem: (error as Error).message }]);
  }
  return {
    okx: { baseUrl: config.OKX_BASE_URL, demoTrading: config.OKX_DEMO_TRADING, timeoutMs: config.OKX_REQUEST_TIMEOUT_MS },
    keyRing,
    minLiqDistanceBps: config.BIND_MIN_LIQ_DISTANCE_BPS,
  };
}
