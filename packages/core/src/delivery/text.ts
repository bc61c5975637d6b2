/** UTF-8 sizes and cuts for the robots' message limits (企业微信 markdown: 4,096 bytes). */

export const WECOM_MARKDOWN_MAX_BYTES = 4096;
/** 钉钉's markdown text limit is larger (about 20,000 bytes); the same cut keeps a message readable. */
export const DINGTALK_MARKDOWN_MAX_BYTES = 4096;

const bytesOf = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** The text's length in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) n += bytesOf(ch.codePointAt(0)!);
  return n;
}

/**
 * The longest start of `text` that fits in `maxBytes` of UTF-8 with `marker` appended when it was cut;
 * cut only between characters (code points), never inside one. Text that fits comes back unchanged.
 */
export function truncateUtf8(text: string, maxBytes: number, marker = '…'): string {
  if (utf8Length(text) <= maxBytes) return text;
  const room = maxBytes - utf8Length(marker);
  if (room < 0) return '';
  let used = 0;
  let out = '';
  for (const ch of text) {
    const b = bytesOf(ch.codePointAt(0)!);
    if (used + b > room) break;
    used += b;
    out += ch;
  }
  return out + marker;
}
