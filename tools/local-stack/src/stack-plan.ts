import { SERVICES, type ServiceName } from '@liqpass/config';

export const GATEWAY_URL = 'http://127.0.0.1:3000';
export const WEB_URL = 'http://127.0.0.1:5173';
export const OKX_SIM_URL = `http://127.0.0.1:${SERVICES['okx-sim'].defaultHttpPort}`;
export const ANVIL_PORT = 8545;
export const WEB_PORT = 5173;

/** Backend services start before the gateway so its first /health can already be green. */
export const BACKEND_START_ORDER: readonly ServiceName[] = ['policy', 'okx-binding', 'payment-listener', 'claims-verifier', 'payout'];

/** Every port the stack will bind; checked up front so a clash fails fast with a clear message. */
export function portsToClaim(): { name: string; port: number }[] {
  return [
    ...Object.values(SERVICES).map((service) => ({ name: service.name, port: service.defaultHttpPort })),
    { name: 'web', port: WEB_PORT },
    { name: 'anvil', port: ANVIL_PORT },
  ];
}

export interface StackOptions {
  /** Start only this app (e.g. `okx-sim` for `npm run okx-sim`). */
  readonly only?: string;
  readonly web: boolean;
}

export function parseArgs(argv: readonly string[]): StackOptions {
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (onlyIndex >= 0 && only !== 'okx-sim') throw new Error('--only supports: okx-sim');
  return { only, web: !argv.includes('--no-web') };
}
