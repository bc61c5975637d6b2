import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documentNumbers } from '../../db/schema/index.js';

/**
 * The number of an office's document about `subject`, issuing the next one of the year when it has none.
 * Under a lock per office, so two downloads at once never take one number twice or skip one.
 */
export async function numberFor(
  db: Db,
  key: { officeUnitId: number; kind: string; subject: string },
  today: string,
): Promise<{ year: number; seq: number; issuedOn: string }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(13090, ${key.officeUnitId})`);
    const picked = { year: documentNumbers.year, seq: documentNumbers.seq, issuedOn: documentNumbers.issuedOn };
    const [found] = await tx
      .select(picked)
      .from(documentNumbers)
      .where(
        and(
          eq(documentNumbers.officeUnitId, key.officeUnitId),
          eq(documentNumbers.kind, key.kind),
          eq(documentNumbers.subject, key.subject),
        ),
      );
    if (found) return found;
    const year = Number(today.slice(0, 4));
    const [last] = await tx
      .select({ seq: max(documentNumbers.seq) })
      .from(documentNumbers)
      .where(and(eq(documentNumbers.officeUnitId, key.officeUnitId), eq(documentNumbers.year, year)));
    const [row] = await tx
      .insert(documentNumbers)
      .values({ ...key, year, seq: (last?.seq ?? 0) + 1, issuedOn: today })
      .returning(picked);
    return row!;
  });
}
