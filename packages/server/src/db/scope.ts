import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { UnitFilter } from '@leitai/core';

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
