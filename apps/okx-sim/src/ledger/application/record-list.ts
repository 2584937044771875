import type { OkxRecord } from '../domain/okx-records';
import { findInstrument, INST_TYPES } from '../../market/domain/instrument';
import { OkxError } from '../../shared/domain/okx-error';
import { pageNewestFirst, type PageRequest } from '../../shared/domain/pagination';
import { cursorParam, limitParam, msParam, optionalEnum, optionalString, requiredString, type RawQuery } from '../../shared/domain/query-params';
import type { StoredRecord } from '../infrastructure/ledger.store';

/** The filters and cursors every OKX history list shares. */
export interface ListQuery {
  /** Exact-match filters on wire fields; undefined means "no filter". */
  readonly equals: Readonly<Record<string, string | undefined>>;
  readonly page: PageRequest;
}

/**
 * Parses `instType` (required on some lists), `instId` (must exist: 51001), the cursors,
 * `begin`/`end` and `limit`, plus any extra exact-match fields the list filters on.
 */
export function parseListQuery(query: RawQuery, options: { instTypeRequired: boolean; extra: readonly string[] }): ListQuery {
  if (options.instTypeRequired) requiredString(query, 'instType');
  const instType = optionalEnum(query, 'instType', INST_TYPES);
  const instId = optionalString(query, 'instId');
  if (instId && !findInstrument(instId)) throw new OkxError('51001');
  const equals: Record<string, string | undefined> = { instType, instId };
  for (const field of options.extra) equals[field] = optionalString(query, field);
  return {
    equals,
    page: {
      after: cursorParam(query, 'after'),
      before: cursorParam(query, 'before'),
      begin: msParam(query, 'begin'),
      end: msParam(query, 'end'),
      limit: limitParam(query),
    },
  };
}

/** Applies retention (by last update), the filters and newest-first paging. */
export function listRecords(records: readonly StoredRecord[], list: ListQuery, oldestMs: number): OkxRecord[] {
  const filters = Object.entries(list.equals).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const kept = records.filter((r) => r.updatedMs >= oldestMs && filters.every(([field, value]) => r.view[field] === value));
  return pageNewestFirst(kept, (r) => ({ cursor: r.id, timeMs: r.timeMs }), list.page).map((r) => r.view);
}
