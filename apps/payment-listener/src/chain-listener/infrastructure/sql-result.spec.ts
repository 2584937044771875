import { describe, expect, it } from 'vitest';
import { returnedRows } from './sql-result';

describe('returnedRows', () => {
  it('unwraps the [rows, rowCount] TypeORM gives for UPDATE and DELETE', () => {
    expect(returnedRows([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(returnedRows([[], 0])).toEqual([]);
  });

  it('passes SELECT and INSERT rows through', () => {
    expect(returnedRows([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(returnedRows([{ a: [1] }, 3])).toEqual([{ a: [1] }, 3]);
  });
});
