import type { FaultResponse } from './fault-rules';

/** Thrown for an injected error; sendSimError writes the response exactly as given. */
export class InjectedFault extends Error {
  constructor(readonly response: FaultResponse) {
    super(`injected fault ${response.status}`);
    this.name = 'InjectedFault';
  }
}
