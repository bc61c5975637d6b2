import { existsSync } from 'node:fs';
import { AppError } from '../errors.js';

/**
 * What PDFs share (评价二维码 posters, judge code cards): QR codes by `qrcode`, and a CJK font found on the server
 * (Debian's fonts-noto-cjk, or LEITAI_CJK_FONT), of which pdfkit embeds only the glyphs used.
 */
const FONTS: { path: string; family?: string }[] = [
  ...(process.env.LEITAI_CJK_FONT ? [{ path: process.env.LEITAI_CJK_FONT }] : []),
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
];

/** A CJK font found on the server; `what` names the document in the refusal when none is installed. */
export function cjkFont(what = '海报'): { path: string; family?: string } {
  const font = FONTS.find((f) => existsSync(f.path));
  if (!font)
    throw new AppError(
      'RULE_VIOLATION',
      `服务器未安装中文字体，无法生成${what}：请安装 fonts-noto-cjk，或用 LEITAI_CJK_FONT 指定字体文件`,
    );
  return font;
}

// pdfkit and qrcode (about 40 MB once loaded) are imported when a poster is first made, not at start.
export async function qrPng(url: string): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, width: 600 });
}
