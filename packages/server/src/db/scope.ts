import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { RecordFilter, UnitFilter } from '@leitai/core';
import { units } from './schema/index.js';

/**
 * A unit filter from core as a SQL condition on a unit path column, for list queries.
 * Paths are '/1/5/' so a subtree is a prefix; LIKE metacharacters cannot occur in them.
 */
export function unitScopeSql(filter: UnitFilter, pathColumn: SQLWrapper): SQL {
  switch (filter.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'paths': {
      const conditions = [
        ...filter.paths.map((p) => sql`${pathColumn} LIKE ${`${p}%`}`),
        ...filter.exact.map((p) => sql`${pathColumn} = ${p}`),
      ];
      return or(...conditions) ?? sql`false`;
    }
  }
}

/**
 * A record filter from core as a SQL condition: the owning office (an id column) is reached, or one of the
 * record's units (path columns) is.
 */
export function recordScopeSql(filter: RecordFilter, officeIdColumn: SQLWrapper, unitPathColumns: SQLWrapper[]): SQL {
  const offices =
    filter.offices.kind === 'none'
      ? sql`false`
      : filter.offices.kind === 'all'
        ? sql`true`
        : sql`${officeIdColumn} IN (SELECT ${units.id} FROM ${units} WHERE ${unitScopeSql(filter.offices, units.path)})`;
  return or(offices, ...unitPathColumns.map((c) => unitScopeSql(filter.units, c))) ?? sql`false`;
}
