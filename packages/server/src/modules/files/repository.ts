import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fileBlobs, files } from '../../db/schema/index.js';
import * as units from '../units/index.js';

const info = { id: files.id, name: files.name, size: files.size, mime: files.mime, createdAt: files.createdAt };
export interface FileRow {
  id: number;
  name: string;
  size: number;
  mime: string;
  createdAt: Date;
}

/** Where a file belongs, for the access check. */
export async function filePlace(db: Db, id: number): Promise<{ unitPath: string; uploadedBy: number } | undefined> {
  const [row] = await db
    .select({ unitId: files.unitId, uploadedBy: files.uploadedBy })
    .from(files)
    .where(eq(files.id, id));
  const unitPath = row ? await units.pathOf(db, row.unitId) : null;
  return row && unitPath !== null ? { unitPath, uploadedBy: row.uploadedBy } : undefined;
}

export async function insertFile(
  tx: Db,
  row: { name: string; mime: string; size: number; sha256: string; uploadedBy: number; unitId: number },
  content: Buffer,
): Promise<FileRow> {
  const [inserted] = await tx.insert(files).values(row).returning(info);
  await tx.insert(fileBlobs).values({ fileId: inserted!.id, content });
  return inserted!;
}

/** Gives the uploader's unclaimed files among `ids` to a record; returns those it took. */
export async function claimUnowned(
  tx: Db,
  ids: number[],
  uploadedBy: number,
  owner: { ownerType: string; ownerId: string; unitId: number },
): Promise<FileRow[]> {
  return tx
    .update(files)
    .set(owner)
    .where(and(inArray(files.id, ids), eq(files.uploadedBy, uploadedBy), isNull(files.ownerType)))
    .returning(info);
}

export async function filesOwnedBy(db: Db, ownerType: string, ownerId: string): Promise<FileRow[]> {
  return db
    .select(info)
    .from(files)
    .where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId)))
    .orderBy(files.id);
}

export async function fileWithContent(db: Db, id: number): Promise<(FileRow & { content: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...info, content: fileBlobs.content })
    .from(files)
    .innerJoin(fileBlobs, eq(fileBlobs.fileId, files.id))
    .where(eq(files.id, id));
  return row;
}
