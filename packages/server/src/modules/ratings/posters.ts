import { cjkFont, qrPng } from '../../documents/index.js';

/**
 * 评价二维码 posters: one sheet per point (A4 or A5) with the unit and point name, the QR code of the
 * point's address and how to rate. QR codes by `qrcode`, the PDF by `pdfkit`, which embeds only the
 * glyphs a poster uses from a CJK font found on the server (Debian's fonts-noto-cjk, or LEITAI_CJK_FONT).
 */
export interface Poster {
  unitName: string;
  pointName: string;
  url: string;
}

const SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

export async function postersPdf(posters: Poster[], opts: { size: 'A4' | 'A5'; campaign: string }): Promise<Buffer> {
  const font = cjkFont();
  const [w, h] = SIZES[opts.size];
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: opts.size, margin: 0, autoFirstPage: false, info: { Title: '评价二维码' } });
  doc.registerFont('cjk', font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const k = w / SIZES.A4[0]; // the A5 sheet is the A4 layout scaled
  for (const p of posters) {
    doc.addPage();
    doc.font('cjk');
    doc.rect(0, 0, w, 90 * k).fill('#c0392b');
    doc
      .fillColor('#ffffff')
      .fontSize(30 * k)
      .text('政务服务 好差评', 0, 26 * k, { width: w, align: 'center' });
    doc
      .fillColor('#222222')
      .fontSize(24 * k)
      .text(p.unitName, 40 * k, 120 * k, { width: w - 80 * k, align: 'center' });
    doc.fontSize(20 * k).text(p.pointName, 40 * k, 160 * k, { width: w - 80 * k, align: 'center' });
    const size = 320 * k;
    doc.image(await qrPng(p.url), (w - size) / 2, 210 * k, { width: size, height: size });
    doc.fontSize(22 * k).text('扫码评价', 0, 545 * k, { width: w, align: 'center' });
    doc
      .fontSize(13 * k)
      .fillColor('#555555')
      .text(
        '用手机扫描二维码，对本次服务作出评价：非常满意、满意、基本满意、不满意、非常不满意。不满意的评价将转交整改，并可凭查询码查看答复、追加评价。',
        60 * k,
        590 * k,
        { width: w - 120 * k, align: 'center', lineGap: 4 * k },
      );
    doc.fontSize(11 * k).text(opts.campaign, 0, h - 60 * k, { width: w, align: 'center' });
    doc
      .fontSize(9 * k)
      .fillColor('#888888')
      .text(p.url, 0, h - 40 * k, { width: w, align: 'center' });
  }
  doc.end();
  return done;
}
