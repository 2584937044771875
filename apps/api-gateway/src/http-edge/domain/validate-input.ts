import { z } from 'zod';
import { EdgeError } from './edge-error';
import type { RouteDefinition, RouteInput } from './route-definition';

export interface RawInput {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

const EMPTY = z.strictObject({});
const MAX_MESSAGE_LENGTH = 300;

/**
 * Checks a request's params, query and body against its route's schemas. Anything the route
 * does not declare is refused: unknown fields, a query string on a route without one, a body
 * on a route that takes none. Throws a VALIDATION_FAILED EdgeError naming the first problems.
 */
export function validateInput<R extends RouteDefinition>(route: R, raw: RawInput): RouteInput<R> {
  const params = parsePart('path', route.params ?? EMPTY, raw.params ?? {});
  const query = parsePart('query', route.query ?? EMPTY, raw.query ?? {});
  if (!route.body && raw.body !== undefined && !isEmptyObject(raw.body)) {
    throw EdgeError.validation('body: this route takes no body');
  }
  const body = route.body ? parsePart('body', route.body, raw.body) : undefined;
  return { params, query, body } as RouteInput<R>;
}

function parsePart(part: string, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw EdgeError.validation(describeIssues(part, result.error.issues));
}

/** "body.amount: expected number; query: Unrecognized key: \"x\"", cut to a safe length. */
export function describeIssues(part: string, issues: readonly z.core.$ZodIssue[]): string {
  const text = issues
    .slice(0, 3)
    .map((issue) => `${[part, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
