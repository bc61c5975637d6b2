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
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
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

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Sends a generated Excel or Word file as a download under its Chinese name; the type follows the extension. */
export function sendFile(reply: FastifyReply, filename: string, body: Buffer): FastifyReply {
  const mime = MIME[filename.slice(filename.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
  return reply.header('content-type', mime).header('content-disposition', attachmentHeader(filename)).send(body);
}
