import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor, FileInfo as FileContract } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { fileBlobs, files } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import type { Upload } from '../../http/upload.js';
import { recordAudit, type AuditActor } from '../audit/service.js';

export type FileInfo = FileContract<Date>;

/** Evidence is documents and pictures; executables and scripts are refused by extension. */
const ALLOWED = /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|txt|csv|jpe?g|png|gif|webp|bmp|zip|rar|7z|mp4|mov)$/i;
const info = { id: files.id, name: files.name, size: files.size, mime: files.mime, createdAt: files.createdAt };

export async function storeUpload(db: Db, actor: Actor, who: AuditActor, upload: Upload): Promise<FileInfo> {
  const name =
    upload.filename
      .replace(/[\\/]/g, '_')
      .replace(/\p{Cc}/gu, '_')
      .slice(0, 200) || '未命名';
  if (!ALLOWED.test(name))
    throw new AppError('VALIDATION_FAILED', `不支持的文件类型：${name}。请上传 PDF、Office 文档、图片、压缩包或视频`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({
        name,
        mime: upload.mimetype || 'application/octet-stream',
        size: upload.buffer.length,
        sha256: createHash('sha256').update(upload.buffer).digest('hex'),
        uploadedBy: actor.userId,
        unitId: actor.unitId,
      })
      .returning(info);
    await tx.insert(fileBlobs).values({ fileId: row!.id, content: upload.buffer });
    await recordAudit(tx, who, {
      action: 'file.upload',
      targetType: 'file',
      targetId: row!.id,
      unitId: actor.unitId,
      after: { name, size: row!.size },
    });
    return row!;
  });
}

/**
 * Attaches files the actor uploaded (and nobody has claimed) to a record, inside the record's
 * transaction. The files take the record's unit, so whoever may read the record's unit may read them.
 */
export async function claimFiles(
  tx: Db,
  actor: Actor,
  fileIds: number[],
  owner: { ownerType: string; ownerId: string | number; unitId: number },
): Promise<FileInfo[]> {
  if (fileIds.length === 0) return [];
  const unique = [...new Set(fileIds)];
  const claimed = await tx
    .update(files)
    .set({ ownerType: owner.ownerType, ownerId: String(owner.ownerId), unitId: owner.unitId })
    .where(and(inArray(files.id, unique), eq(files.uploadedBy, actor.userId), isNull(files.ownerType)))
    .returning(info);
  if (claimed.length !== unique.length) {
    const ok = new Set(claimed.map((f) => f.id));
    throw new AppError(
      'VALIDATION_FAILED',
      `附件 ${unique.filter((id) => !ok.has(id)).join('、')} 不存在、不是你上传的或已被使用，请重新上传`,
    );
  }
  return claimed;
}

export async function filesOf(db: Db, ownerType: string, ownerId: string | number): Promise<FileInfo[]> {
  return db
    .select(info)
    .from(files)
    .where(and(eq(files.ownerType, ownerType), eq(files.ownerId, String(ownerId))))
    .orderBy(files.id);
}

/**
 * A file's content. The route checked the reader ('file' target: its uploader, or anyone who may read
 * its unit's files, not the admins).
 */
export async function readFile(db: Db, id: number): Promise<FileInfo & { content: Buffer }> {
  const [row] = await db
    .select({ ...info, content: fileBlobs.content })
    .from(files)
    .innerJoin(fileBlobs, eq(fileBlobs.fileId, files.id))
    .where(eq(files.id, id));
  if (!row) throw notFound('文件');
  return row;
}
