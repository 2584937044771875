/**
 * The rows an UPDATE/DELETE … RETURNING gave back. TypeORM's raw `query()` answers those with
 * `[rows, rowCount]` but answers SELECT and INSERT with the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
