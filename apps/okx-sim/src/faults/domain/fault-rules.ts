import { isOkxErrorCode, OKX_ERRORS } from '../../shared/domain/okx-error';

/** `path` is '*' (every OKX path), an exact path, or a prefix ending in '*'. */
export interface FaultSetting {
  readonly path: string;
  readonly latencyMs: number;
  /** Probability in [0, 1] that a request gets `errorCode` instead of its answer. */
  readonly errorRate: number;
  /** An OKX code from the error table (e.g. "50011") or an HTTP status 500–599. */
  readonly errorCode: string;
}

export const EVERY_PATH = '*';
export const DEFAULT_FAULT_CODE = '50001';

export function isFaultCode(code: string): boolean {
  return isOkxErrorCode(code) || /^5\d\d$/.test(code);
}

/** The fault rules in force, one per path; the most specific rule for a path wins. */
export class FaultRules {
  private readonly rules = new Map<string, FaultSetting>();

  /** A rule with neither latency nor errors removes the path's rule. */
  set(setting: FaultSetting): void {
    if (setting.latencyMs === 0 && setting.errorRate === 0) this.rules.delete(setting.path);
    else this.rules.set(setting.path, setting);
  }

  clear(): void {
    this.rules.clear();
  }

  list(): FaultSetting[] {
    return [...this.rules.values()];
  }

  match(path: string): FaultSetting | undefined {
    const exact = this.rules.get(path);
    if (exact) return exact;
    const prefixes = [...this.rules.values()]
      .filter((rule) => rule.path !== EVERY_PATH && rule.path.endsWith('*') && path.startsWith(rule.path.slice(0, -1)))
      .sort((a, b) => b.path.length - a.path.length);
    return prefixes[0] ?? this.rules.get(EVERY_PATH);
  }
}

/** What an injected error looks like on the wire. */
export interface FaultResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * OKX codes answer in OKX's envelope and status; a bare 5xx answers like a gateway in front of
 * OKX would — plain text, not JSON — so clients prove they survive a non-JSON error body.
 */
export function faultResponse(code: string): FaultResponse {
  if (isOkxErrorCode(code)) {
    const { http, msg } = OKX_ERRORS[code];
    const envelope = http === 401 ? { code, msg } : { code, msg, data: [] };
    return { status: http, contentType: 'application/json; charset=utf-8', body: JSON.stringify(envelope) };
  }
  const status = Number(code);
  if (status === 503) return faultResponse('50001');
  return { status, contentType: 'text/plain; charset=utf-8', body: `${status} injected by okx-sim` };
}

/** Rolls the dice for one request: how long to wait and whether to fail. */
export function decideFault(rule: FaultSetting | undefined, random: () => number): { delayMs: number; error?: FaultResponse } {
  if (!rule) return { delayMs: 0 };
  const fails = rule.errorRate > 0 && random() < rule.errorRate;
  return fails ? { delayMs: rule.latencyMs, error: faultResponse(rule.errorCode) } : { delayMs: rule.latencyMs };
}
