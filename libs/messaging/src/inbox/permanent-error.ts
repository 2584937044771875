/**
 * Thrown by a handler when retrying cannot help (the event contradicts the handler's state for
 * good): the runner terms the message and records a dead letter at once instead of retrying.
 */
export class PermanentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}
