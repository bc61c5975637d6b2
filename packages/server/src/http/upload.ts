import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface Upload {
  filename: string;
  mimetype: string;
  buffer: Buffer;
}

/** Reads the one file of a multipart request (field `file`), refusing oversize files with a clear message. */
export async function readUpload(request: FastifyRequest, maxBytes = 20 * 1024 * 1024): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以表单方式上传文件（multipart/form-data，字段名 file）');
  // A malformed form (no boundary, cut short) is the sender's mistake, not a server error.
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch(() => {
    throw new AppError('VALIDATION_FAILED', '上传的表单格式不正确，请重新选择文件上传');
  });
  if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch {
    throw new AppError('VALIDATION_FAILED', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`);
  }
  if (buffer.length === 0) throw new AppError('VALIDATION_FAILED', '文件是空的');
  return { filename: part.filename, mimetype: part.mimetype, buffer };
}

/** Content-Disposition for a download, with the Chinese file name kept (RFC 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The type a download is sent as, from its extension alone: what an uploader claimed is never echoed back, so a
 * `.txt` holding a page cannot be served as text/html.
 */
const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

export function mimeOfName(filename: string): string {
  return MIME[filename.slice(filename.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Sends a file as a download under its Chinese name. The type follows the extension; `sandbox` and `nosniff`
 * keep a browser that opens it anyway from running it as a page of this site.
 */
export function sendFile(reply: FastifyReply, filename: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', mimeOfName(filename))
    .header('content-disposition', attachmentHeader(filename))
    .header('content-security-policy', 'sandbox')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
