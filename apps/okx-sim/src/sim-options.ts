import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@liqpass/observability';

/** What `createOkxSimApp` accepts; every field has a default that suits the local stack. */
export interface OkxSimOptions {
  /** The service logger; defaults to a silent one, so tests stay quiet. */
  readonly logger?: Logger;
  /** The simulator's clock (ms): timestamps it writes, retention windows, the auth window, rate limits. */
  readonly now?: () => number;
  /** Source of the fault dice, in [0, 1). */
  readonly random?: () => number;
  /** Accepted OK-ACCESS-TIMESTAMP skew either way (OKX.md: ±30 s). */
  readonly timestampSkewMs?: number;
}

export interface ResolvedSimOptions {
  readonly logger?: Logger;
  readonly now: () => number;
  readonly random: () => number;
  readonly timestampSkewMs: number;
}

export const SIM_OPTIONS = Symbol('SIM_OPTIONS');

export function resolveSimOptions(options: OkxSimOptions): ResolvedSimOptions {
  return {
    logger: options.logger,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    timestampSkewMs: options.timestampSkewMs ?? 30_000,
  };
}

/** The one clock every part of the simulator reads, so tests can move time. */
@Injectable()
export class SimClock {
  constructor(@Inject(SIM_OPTIONS) private readonly options: ResolvedSimOptions) {}

  now(): number {
    return this.options.now();
  }

  random(): number {
    return this.options.random();
  }

  get timestampSkewMs(): number {
    return this.options.timestampSkewMs;
  }
}
