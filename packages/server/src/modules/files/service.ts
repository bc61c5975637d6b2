import { createHash } from 'node:crypto';
import type { Actor, FileInfo as FileContract } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { Upload } from '../../http/upload.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import type { DailyJob } from '../../jobs/runner.js';
import { securityPolicy } from '../security/index.js';
import {
  bytesUploadedSince,
  claimUnowned,
  deleteUnclaimedBefore,
  fileWithContent,
  filesOwnedBy,
  insertFile,
  lockUploader,
  moveOwned,
} from './repository.js';

const DAY = 86_400_000;
const MB = 1024 * 1024;

export type FileInfo = FileContract<Date>;

/** Evidence is documents and pictures; executables and scripts are refused by extension. */
const ALLOWED = /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|txt|csv|jpe?g|png|gif|webp|bmp|zip|rar|7z|mp4|mov)$/i;

export async function storeUpload(db: Db, actor: Actor, who: AuditActor, upload: Upload): Promise<FileInfo> {
  const name =
    upload.filename
      .replace(/[\\/]/g, '_')
      .replace(/\p{Cc}/gu, '_')
      .slice(0, 200) || '未命名';
  if (!ALLOWED.test(name))
    throw new AppError('VALIDATION_FAILED', `不支持的文件类型：${name}。请上传 PDF、Office 文档、图片、压缩包或视频`);
  return db.transaction(async (tx) => {
    await lockUploader(tx, actor.userId);
    const quotaMb = (await securityPolicy(tx)).uploadQuotaMbPerDay;
    const used = await bytesUploadedSince(tx, actor.userId, new Date(Date.now() - DAY));
    if (used + upload.buffer.length > quotaMb * MB)
      throw new AppError(
        'RATE_LIMITED',
        `24 小时内上传已达每人 ${quotaMb} MB 的上限（已上传 ${(used / MB).toFixed(1)} MB），请稍后再上传，或请安全管理员调整“每人每日上传”`,
      );
    const row = await insertFile(
      tx,
      {
        name,
        mime: upload.mimetype || 'application/octet-stream',
        size: upload.buffer.length,
        sha256: createHash('sha256').update(upload.buffer).digest('hex'),
        uploadedBy: actor.userId,
        unitId: actor.unitId,
      },
      upload.buffer,
    );
    await recordAudit(tx, who, {
      action: 'file.upload',
      targetType: 'file',
      targetId: row.id,
      unitId: actor.unitId,
      after: { name, size: row.size },
    });
    return row;
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
  const claimed = await claimUnowned(tx, unique, actor.userId, {
    ownerType: owner.ownerType,
    ownerId: String(owner.ownerId),
    unitId: owner.unitId,
  });
  if (claimed.length !== unique.length) {
    const ok = new Set(claimed.map((f) => f.id));
    throw new AppError(
      'VALIDATION_FAILED',
      `附件 ${unique.filter((id) => !ok.has(id)).join('、')} 不存在、不是你上传的或已被使用，请重新上传`,
    );
  }
  return claimed;
}

/**
 * Takes files off a record (evidence removed before 报送) without deleting them: they move to
 * `<ownerType>_removed`, so a version that listed them can still link to them. Every id must be the record's.
 */
export async function releaseFiles(
  tx: Db,
  fileIds: number[],
  owner: { ownerType: string; ownerId: string | number },
): Promise<FileInfo[]> {
  if (fileIds.length === 0) return [];
  const unique = [...new Set(fileIds)];
  const moved = await moveOwned(
    tx,
    unique,
    { ownerType: owner.ownerType, ownerId: String(owner.ownerId) },
    `${owner.ownerType}_removed`,
  );
  if (moved.length !== unique.length) {
    const ok = new Set(moved.map((f) => f.id));
    throw new AppError('VALIDATION_FAILED', `附件 ${unique.filter((id) => !ok.has(id)).join('、')} 不是本报表的附件`);
  }
  return moved;
}

export async function filesOf(db: Db, ownerType: string, ownerId: string | number): Promise<FileInfo[]> {
  return filesOwnedBy(db, ownerType, String(ownerId));
}

/**
 * A file's content. The route checked the reader ('file' target: its uploader, or anyone who may read
 * its unit's files, not the admins).
 */
export async function readFile(db: Db, id: number): Promise<FileInfo & { content: Buffer }> {
  const row = await fileWithContent(db, id);
  if (!row) throw notFound('文件');
  return row;
}

/**
 * Each night: uploads never attached to a record (a form abandoned after its upload) are deleted once older
 * than the policy's retention (未使用文件保留, default 7 days), so nobody can fill the database with files no
 * record holds.
 */
export const unclaimedFilesJob: DailyJob = {
  name: 'files.purge_unclaimed',
  atHour: 3,
  run: async (tx, _day, now = new Date()) => {
    const days = (await securityPolicy(tx)).unclaimedFileDays;
    const purged = await deleteUnclaimedBefore(tx, new Date(now.getTime() - days * DAY));
    return `purged ${purged} files unclaimed for ${days} days`;
  },
};
