import { leverageFromOkx } from '@liqpass/chain';
import { parseUsdc } from '@liqpass/pricing';
import type { QuotedPosition } from './quoted-position';

/** What POST /quote asks for (validated by the gateway). */
export interface QuoteAsk {
  readonly instId: string;
  readonly posId?: string;
  /** Leverage as a number with at most 2 decimals. */
  readonly leverage?: number;
  /** Decimal USDC string. */
  readonly principalUsdc?: string;
  readonly coverageSeconds: number;
}

/** An open position as okx-binding lists it (OKX strings). */
export interface PositionFacts {
  readonly posId: string;
  readonly posSide: string;
  readonly mgnMode: string;
  readonly lever: string;
  readonly pos: string;
  readonly markPx: string;
  readonly liqPx: string;
  readonly margin: string;
}

/** The terms to price: from the position when one is named, else from leverage and principal. */
export interface QuoteTerms {
  readonly side: 'long' | 'short';
  readonly leverageHundredths: number;
  readonly principalUsdc: bigint;
  readonly position: QuotedPosition | null;
  readonly prices: { readonly markPx: string; readonly liqPx: string | null } | undefined;
}

export class QuoteTermsError extends Error {
  readonly code = 'VALIDATION_FAILED';
}

/** "123.4567891" → base units, truncated to 6 decimals (OKX margins can carry more). */
export function usdcFromOkx(value: string): bigint | null {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value.trim());
  if (!match) return null;
  return parseUsdc(`${BigInt(match[1]!)}${match[2] ? `.${match[2].slice(0, 6)}` : ''}`.replace(/\.$/, ''));
}

const hundredths = (leverage: number) => Math.round(leverage * 100);

/**
 * Terms of a quote on an open position: its side, leverage, margin as the principal (unless
 * the trader insures less), mark and liquidation prices. Refuses contradictions with the ask.
 */
export function termsFromPosition(ask: QuoteAsk, position: PositionFacts): QuoteTerms {
  if (position.posSide !== 'long' && position.posSide !== 'short' && position.posSide !== 'net') throw new QuoteTermsError(`position ${position.posId} has posSide ${position.posSide}`);
  if (position.mgnMode !== 'cross' && position.mgnMode !== 'isolated') throw new QuoteTermsError(`position ${position.posId} has margin mode ${position.mgnMode}`);
  let lever: bigint;
  try {
    lever = leverageFromOkx(position.lever);
  } catch {
    throw new QuoteTermsError(`position ${position.posId} has leverage ${position.lever}, finer than 0.01`);
  }
  if (ask.leverage !== undefined && hundredths(ask.leverage) !== Number(lever)) {
    throw new QuoteTermsError(`leverage ${ask.leverage} is not the position's ${position.lever}`);
  }
  const margin = usdcFromOkx(position.margin);
  const principal = ask.principalUsdc !== undefined ? parseUsdc(ask.principalUsdc) : margin;
  if (principal === null || principal === 0n) throw new QuoteTermsError(`position ${position.posId} shows no margin: give principalUsdc`);
  const side = position.posSide === 'net' ? (position.pos.startsWith('-') ? 'short' : 'long') : position.posSide;
  const liq = position.liqPx.trim() === '' ? null : position.liqPx;
  return {
    side,
    leverageHundredths: Number(lever),
    principalUsdc: principal,
    position: { posId: position.posId, posSide: position.posSide, mgnMode: position.mgnMode, lever: position.lever },
    prices: { markPx: position.markPx, liqPx: liq },
  };
}

/**
 * Terms of a quote without a position (an indicative price): leverage and principal are
 * required, and the closer of the two liquidation sides is priced (short, for a driftless model).
 */
export function termsWithoutPosition(ask: QuoteAsk): QuoteTerms {
  if (ask.leverage === undefined || ask.principalUsdc === undefined) throw new QuoteTermsError('without posId, give leverage and principalUsdc');
  return { side: 'short', leverageHundredths: hundredths(ask.leverage), principalUsdc: parseUsdc(ask.principalUsdc), position: null, prices: undefined };
}
