import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files, units } from '../../db/schema/index.js';

/** Where a file belongs, for the access check. */
export async function filePlace(db: Db, id: number): Promise<{ unitPath: string; uploadedBy: number } | undefined> {
  const [row] = await db
    .select({ unitPath: units.path, uploadedBy: files.uploadedBy })
    .from(files)
    .innerJoin(units, eq(units.id, files.unitId))
    .where(eq(files.id, id));
  return row;
}
