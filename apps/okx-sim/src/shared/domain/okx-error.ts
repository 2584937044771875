/**
 * OKX's error codes as OKX.md lists them (plus the parameter and availability errors every
 * OKX endpoint can answer). Clients match on `code`, so the codes and HTTP statuses here
 * must stay exactly those of OKX.md's table.
 */
export const OKX_ERRORS = {
  '50001': { http: 503, msg: 'Service temporarily unavailable. Please try again later.' },
  '50002': { http: 400, msg: 'JSON syntax error' },
  '50011': { http: 429, msg: 'Too Many Requests' },
  '50013': { http: 503, msg: 'Systems are busy. Please try again later.' },
  '50014': { http: 400, msg: 'Parameter {0} can not be empty.' },
  '50101': { http: 401, msg: 'APIKey does not match current environment.' },
  '50102': { http: 401, msg: 'Timestamp request expired.' },
  '50103': { http: 401, msg: 'Request header OK-ACCESS-KEY can not be empty.' },
  '50104': { http: 401, msg: 'Request header OK-ACCESS-PASSPHRASE can not be empty.' },
  '50105': { http: 401, msg: 'Request header OK-ACCESS-PASSPHRASE incorrect.' },
  '50106': { http: 401, msg: 'Request header OK-ACCESS-SIGN can not be empty.' },
  '50107': { http: 401, msg: 'Request header OK-ACCESS-TIMESTAMP can not be empty.' },
  '50110': { http: 401, msg: "Your IP {0} is not included in your API key's IP whitelist." },
  '50111': { http: 401, msg: 'Invalid OK-ACCESS-KEY.' },
  '50112': { http: 401, msg: 'Invalid OK-ACCESS-TIMESTAMP.' },
  '50113': { http: 401, msg: 'Invalid Sign.' },
  '50119': { http: 200, msg: "API key doesn't exist." },
  '50120': { http: 200, msg: "API key doesn't have permission." },
  '51000': { http: 200, msg: 'Parameter {0} error' },
  '51001': { http: 200, msg: "Instrument ID doesn't exist." },
  '51603': { http: 200, msg: "Order doesn't exist." },
} as const satisfies Record<string, { http: number; msg: string }>;

export type OkxErrorCode = keyof typeof OKX_ERRORS;

export function isOkxErrorCode(code: string): code is OkxErrorCode {
  return Object.hasOwn(OKX_ERRORS, code);
}

/** A refusal the way OKX words it; mapped to HTTP once, by the exception filter. */
export class OkxError extends Error {
  readonly http: number;

  constructor(
    readonly code: OkxErrorCode,
    ...args: string[]
  ) {
    super(args.reduce<string>((msg, arg, i) => msg.replace(`{${i}}`, arg), OKX_ERRORS[code].msg));
    this.name = 'OkxError';
    this.http = OKX_ERRORS[code].http;
  }
}
