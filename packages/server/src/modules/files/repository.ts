import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
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

/** Chunks of 256 KB, one statement each: PGlite runs on the event loop, and a chunk holds it for ~20 ms. */
export const CHUNK_BYTES = 256 * 1024;

/** Lets the event loop answer other requests between two chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts a file and its content in chunks. Bytes travel as base64 text decoded by the database: PGlite encodes a
 * bytea parameter in JavaScript, byte by byte (a 19 MB file took 11 s on the event loop; base64 takes 0.9 s).
 */
export async function insertFile(
  tx: Db,
  row: { name: string; mime: string; size: number; sha256: string; uploadedBy: number; unitId: number },
  content: Buffer,
): Promise<FileRow> {
  const [inserted] = await tx.insert(files).values(row).returning(info);
  for (let seq = 0; seq * CHUNK_BYTES < content.length; seq += 1) {
    const chunk = content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES).toString('base64');
    await tx.insert(fileBlobs).values({ fileId: inserted!.id, seq, content: sql`decode(${chunk}, 'base64')` });
    await breathe();
  }
  return inserted!;
}

/** Bytes one account uploaded since `since`, for the daily quota. */
export async function bytesUploadedSince(db: Db, uploadedBy: number, since: Date): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${files.size})` })
    .from(files)
    .where(and(eq(files.uploadedBy, uploadedBy), gte(files.createdAt, since)));
  return Number(row?.total ?? 0);
}

/**
 * Serialises one account's uploads until the transaction ends, so two at once cannot both pass the quota
 * (the key space 7263101 keeps clear of the other advisory locks).
 */
export async function lockUploader(tx: Db, uploadedBy: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7263101, ${uploadedBy})`);
}

/** Deletes the files nobody claimed that were uploaded before `before` (their chunks go with them); returns how many. */
export async function deleteUnclaimedBefore(tx: Db, before: Date): Promise<number> {
  const gone = await tx
    .delete(files)
    .where(and(isNull(files.ownerType), lt(files.createdAt, before)))
    .returning({ id: files.id });
  return gone.length;
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

/** Moves some of one owner's files to another owner type (same id and unit); answers the files moved. */
export async function moveOwned(
  tx: Db,
  ids: number[],
  from: { ownerType: string; ownerId: string },
  toOwnerType: string,
): Promise<FileRow[]> {
  return tx
    .update(files)
    .set({ ownerType: toOwnerType })
    .where(and(inArray(files.id, ids), eq(files.ownerType, from.ownerType), eq(files.ownerId, from.ownerId)))
    .returning(info);
}

export async function filesOwnedBy(db: Db, ownerType: string, ownerId: string): Promise<FileRow[]> {
  return db
    .select(info)
    .from(files)
    .where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId)))
    .orderBy(files.id);
}

/** A file and its content, read chunk by chunk (as base64, for the same reason it is written so). */
export async function fileWithContent(db: Db, id: number): Promise<(FileRow & { content: Buffer }) | undefined> {
  const [row] = await db.select(info).from(files).where(eq(files.id, id));
  if (!row) return undefined;
  const seqs = await db
    .select({ seq: fileBlobs.seq })
    .from(fileBlobs)
    .where(eq(fileBlobs.fileId, id))
    .orderBy(asc(fileBlobs.seq));
  const chunks: Buffer[] = [];
  for (const { seq } of seqs) {
    const [chunk] = await db
      .select({ base64: sql<string>`encode(${fileBlobs.content}, 'base64')` })
      .from(fileBlobs)
      .where(and(eq(fileBlobs.fileId, id), eq(fileBlobs.seq, seq)));
    chunks.push(Buffer.from(chunk!.base64, 'base64')); // Node's decoder skips the line breaks encode() adds
    await breathe();
  }
  return { ...row, content: Buffer.concat(chunks) };
}
