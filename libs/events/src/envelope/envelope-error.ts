import type { z } from 'zod';

export type EnvelopeErrorCode =
  | 'MALFORMED_JSON'
  | 'INVALID_ENVELOPE'
  | 'UNKNOWN_EVENT_TYPE'
  | 'UNKNOWN_EVENT_VERSION'
  | 'PRODUCER_MISMATCH'
  | 'INVALID_PAYLOAD';

export interface EnvelopeIssue {
  /** Dotted path inside the envelope, e.g. `payload.premiumAmountUsdc`. */
  readonly path: string;
  readonly message: string;
}

/** Why an event was refused, as data: dead-letter rows and logs carry it verbatim. */
export interface EnvelopeError {
  readonly code: EnvelopeErrorCode;
  readonly message: string;
  readonly issues: readonly EnvelopeIssue[];
  /** Set when the envelope was readable enough to tell. */
  readonly eventId?: string;
  readonly type?: string;
}

/** Thrown by `createEvent` (and the outbox writer) when an event would not pass validation. */
export class EventValidationError extends Error {
  readonly code: EnvelopeErrorCode;
  readonly issues: readonly EnvelopeIssue[];

  constructor(readonly detail: EnvelopeError) {
    super(detail.message);
    this.name = 'EventValidationError';
    this.code = detail.code;
    this.issues = detail.issues;
  }
}

export function toIssues(error: z.ZodError, prefix?: string): EnvelopeIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly EnvelopeIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
}
