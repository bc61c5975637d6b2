import type { Db } from '../../db/client.js';
import { cjkFont, qrPng } from '../../documents/index.js';
import type { AuditActor } from '../audit/index.js';
import { getArena } from './repo.js';
import { issueCodes } from './setup.js';

/** A4 in points, and a sheet of 2 × 4 cards with a cutting margin. */
const A4 = [595.28, 841.89] as const;
const COLS = 2;
const ROWS = 4;
const MARGIN = 28;

/**
 * 评委码卡片: issues fresh codes to the outside judges without a phone (as POST /codes does, audited there) and
 * lays them out as cut-out cards on A4 sheets: the arena, the judge and group, the QR code of the join link and
 * the code itself. Account judges score signed in and get no card. Codes exist only on this sheet.
 */
export async function codeCardsPdf(db: Db, audit: AuditActor, arenaId: number, origin: string): Promise<Buffer> {
  const font = cjkFont('评委码卡片');
  const arena = await getArena(db, arenaId);
  const codes = await issueCodes(db, audit, arenaId);
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${arena.title}评委码` } });
  doc.registerFont('cjk', font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [w, h] = A4;
  const cw = (w - 2 * MARGIN) / COLS;
  const ch = (h - 2 * MARGIN) / ROWS;
  if (codes.length === 0) {
    doc
      .addPage()
      .font('cjk')
      .fontSize(14)
      .text('没有需要发放评委码的外请评委（账号评委登录后评分，无需评委码）。', 60, 80);
  }
  for (const [i, c] of codes.entries()) {
    const slot = i % (COLS * ROWS);
    if (slot === 0) doc.addPage().font('cjk');
    const x = MARGIN + (slot % COLS) * cw;
    const y = MARGIN + Math.floor(slot / COLS) * ch;
    doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#999999').rect(x, y, cw, ch).stroke().restore();
    doc
      .fillColor('#c0392b')
      .fontSize(11)
      .text(arena.title, x + 12, y + 12, { width: cw - 24, align: 'center', lineBreak: false, ellipsis: true });
    doc
      .fillColor('#222222')
      .fontSize(9)
      .text(`${arena.heldOn} · 评委码卡片`, x + 12, y + 28, { width: cw - 24, align: 'center' });
    const qr = 110;
    const url = `${origin}/judge?code=${c.code}`;
    doc.image(await qrPng(url), x + 12, y + 50, { width: qr, height: qr });
    const tx = x + 12 + qr + 10;
    const tw = cw - qr - 34;
    doc.fontSize(14).text(c.name, tx, y + 58, { width: tw });
    doc
      .fontSize(10)
      .fillColor('#555555')
      .text(c.groupId, tx, y + 80, { width: tw });
    doc
      .fillColor('#222222')
      .fontSize(9)
      .text('评委码', tx, y + 104, { width: tw });
    doc
      .font('Courier-Bold')
      .fontSize(18)
      .text(c.code, tx, y + 116, { width: tw, characterSpacing: 1 })
      .font('cjk');
    doc
      .fontSize(8)
      .fillColor('#777777')
      .text('手机扫码或打开评委入口输入评委码即可评分；本卡仅限本人使用，请勿转交。', x + 12, y + ch - 30, {
        width: cw - 24,
        align: 'center',
      });
  }
  doc.end();
  return done;
}
