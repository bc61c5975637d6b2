/**
 * The parts of an official document (公文, GB/T 9704-2012) that are rules rather than layout: how a date
 * and a 发文字号 are written, and an office's default 发文机关标志 and 机关代字. The server's document module
 * lays them out; nothing else writes them.
 */

/** 2026-12-02 → 2026年12月2日 (GB/T 9704-2012 §7.3.5.3: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 2026-01 → 2026年1月; 2026-01-01 … 2026-03-31 → 2026年1月1日至3月31日 (the year once when both share it). */
export function chineseMonth(isoMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!m) throw new Error(`not an ISO month: ${isoMonth}`);
  return `${Number(m[1])}年${Number(m[2])}月`;
}

export function chinesePeriod(fromIso: string, toIso: string): string {
  const from = chineseDate(fromIso);
  const to = chineseDate(toIso);
  return fromIso.slice(0, 4) === toIso.slice(0, 4) ? `${from}至${to.slice(to.indexOf('年') + 1)}` : `${from}至${to}`;
}

/** 城考办, 2026, 12 → 城考办〔2026〕12号: 六角括号 around the year, no leading zeros (§7.2.4). */
export function documentNumber(code: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`a document's sequence starts at 1: ${seq}`);
  return `${code}〔${year}〕${seq}号`;
}

/**
 * An office's 机关代字 when it has not set one: the first character of its place name and 考办
 * (城阳区 → 城考办, 青岛市 → 青考办, 流亭街道 → 流考办), as district offices abbreviate themselves.
 */
export function defaultOfficeCode(officeName: string): string {
  const first = [...officeName.trim()][0];
  return `${first ?? ''}考办`;
}

/** The office's full name as it signs (落款) and as its 发文机关标志 reads, with 文件 after it. */
export function defaultOfficeTitle(officeName: string): string {
  return `${officeName.trim()}绩效考核办公室`;
}

const PARTS = { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' };

/** A cell or phrase in a document: an ISO date, month, quarter or half-year in Chinese, anything else (未报送, —) as it is. */
export function inChinese(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return chineseDate(value);
  if (/^\d{4}-\d{2}$/.test(value)) return chineseMonth(value);
  const part = /^(\d{4})-(Q[1-4]|H[12])$/.exec(value);
  if (part) return `${part[1]}年${PARTS[part[2] as keyof typeof PARTS]}`;
  return value;
}
