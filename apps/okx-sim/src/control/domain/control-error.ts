/** A refusal of the control API (/sim), which is not OKX and answers plain JSON errors. */
export type ControlErrorCode =
  | 'SIM_BAD_REQUEST'
  | 'SIM_ACCOUNT_NOT_FOUND'
  | 'SIM_KEY_NOT_FOUND'
  | 'SIM_KEY_EXISTS'
  | 'SIM_INSTRUMENT_NOT_FOUND'
  | 'SIM_POSITION_NOT_FOUND'
  | 'SIM_INVALID_STATE';

const STATUS: Readonly<Record<ControlErrorCode, number>> = {
  SIM_BAD_REQUEST: 400,
  SIM_ACCOUNT_NOT_FOUND: 404,
  SIM_KEY_NOT_FOUND: 404,
  SIM_KEY_EXISTS: 409,
  SIM_INSTRUMENT_NOT_FOUND: 404,
  SIM_POSITION_NOT_FOUND: 404,
  SIM_INVALID_STATE: 409,
};

export class ControlError extends Error {
  readonly status: number;

  constructor(
    readonly code: ControlErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ControlError';
    this.status = STATUS[code];
  }
}
