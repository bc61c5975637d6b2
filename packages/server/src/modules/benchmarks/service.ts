import {
  benchmarkGap,
  parseDecimal,
  shownDecimal,
  shownPercent,
  shownRatio,
  type Actor,
  type RecordFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { actorOffice } from '../../http/access.js';
import { importInvalid, type ImportProblem } from '../../errors.js';
import { buildTemplate, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { figuresIn, figuresOf, replaceFigures, type FigureRow, type NewFigure } from './repository.js';

/** The subject name of our own figures in the sheet. */
export const OURS = '本区';
const YES_NO = ['是', '否'];
const COLUMNS = [
  { header: '指标', required: true, width: 24 },
  { header: '计量单位', width: 10 },
  { header: '对象', required: true, width: 16 },
  { header: '数值', required: true },
  { header: '上年数值' },
  { header: '数据日期', required: true, width: 14 },
  { header: '来源', required: true, width: 30 },
  { header: '口径', width: 36 },
  { header: '越小越好', list: YES_NO },
] as const;

export const benchmarkTemplate = () =>
  buildTemplate({
    sheetName: '对标数据',
    columns: COLUMNS,
    examples: [
      ['地区生产总值', '亿元', OURS, 589.23, 571.33, '2023-12-31', '区统计公报', '不含临空经济区', '否'],
      ['地区生产总值', '亿元', '博罗县', 838.88, null, '2023-12-31', '博罗县统计公报', '全口径', '否'],
    ],
    instructions: [
      `每个指标一行“${OURS}”（本区自己的数值），其余每行一个对标地区或单位。`,
      '上年数值用于计算本区的追赶速度（每月缩小多少差距）；对标对象填了上年数值时，按相对速度计算。',
      '数据日期填 YYYY-MM-DD；越小越好填“是”的指标（如单位 GDP 能耗、排名）反向比较。',
      '导入会替换本考核办的全部对标数据。',
    ],
  });

/** Imports an office's figures whole or not at all; every bad cell named by row and column. Audited. */
export async function importBenchmarks(db: Db, actor: Actor, who: AuditActor, buffer: Buffer) {
  const office = actorOffice(actor);
  const { rows, problems } = await readSheet(buffer, COLUMNS);
  const out: ImportProblem[] = [...problems];
  const good: NewFigure[] = [];
  const seen = new Set<string>();
  const number = (row: number, column: string, text: string): string | null => {
    if (text === '') return null;
    try {
      parseDecimal(text, column);
      return text;
    } catch {
      out.push({ row, column, message: `“${text}”不是有效的数值` });
      return null;
    }
  };
  for (const r of rows) {
    const c = r.cells;
    const key = `${c['指标']}\u0000${c['对象']}`;
    if (seen.has(key)) out.push({ row: r.row, column: '对象', message: `“${c['对象']}”在“${c['指标']}”下重复` });
    seen.add(key);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c['数据日期']))
      out.push({ row: r.row, column: '数据日期', message: '数据日期格式须为 YYYY-MM-DD' });
    const value = number(r.row, '数值', c['数值']);
    const previous = number(r.row, '上年数值', c['上年数值']);
    if (value === null && c['数值'] === '') out.push({ row: r.row, column: '数值', message: '数值不能为空' });
    if (value === null) continue;
    good.push({
      officeUnitId: office.unitId,
      indicator: c['指标'],
      measure: c['计量单位'],
      subject: c['对象'],
      isOurs: c['对象'] === OURS,
      value,
      previous,
      asOf: c['数据日期'],
      source: c['来源'],
      caliber: c['口径'],
      lowerIsBetter: c['越小越好'] === '是',
    });
  }
  for (const indicator of new Set(good.map((g) => g.indicator)))
    if (!good.some((g) => g.indicator === indicator && g.isOurs))
      out.push({ row: 0, column: '对象', message: `指标“${indicator}”缺少“${OURS}”一行` });
  if (out.length > 0) throw importInvalid(out);
  return db.transaction(async (tx) => {
    const before = await figuresOf(tx, office.unitId);
    await replaceFigures(tx, office.unitId, good);
    await recordAudit(tx, who, {
      action: 'benchmark.import',
      targetType: 'benchmark',
      unitId: office.unitId,
      before: before.map(({ indicator, subject, value, previous, asOf }) => ({
        indicator,
        subject,
        value,
        previous,
        asOf,
      })),
      after: good.map(({ indicator, subject, value, previous, asOf }) => ({
        indicator,
        subject,
        value,
        previous,
        asOf,
      })),
    });
    return { imported: good.length, indicators: new Set(good.map((g) => g.indicator)).size };
  });
}

const figure = (f: FigureRow) => ({
  subject: f.subject,
  value: shownDecimal(f.value),
  previous: f.previous === null ? null : shownDecimal(f.previous),
  asOf: f.asOf,
  source: f.source,
  caliber: f.caliber,
});

/**
 * Per indicator: our figure against each peer's, the gap now, our share of it and the months to close it at our
 * pace (core benchmarkGap; null: never at this pace). The leader's view across indicators is this whole list.
 */
export async function benchmarkBoard(db: Db, scope: RecordFilter) {
  const rows = await figuresIn(db, scope);
  const indicators = [...new Set(rows.map((r) => `${r.officeUnitId}\u0000${r.indicator}`))];
  return {
    indicators: indicators.map((key) => {
      const list = rows.filter((r) => `${r.officeUnitId}\u0000${r.indicator}` === key);
      const ours = list.find((r) => r.isOurs)!;
      return {
        indicator: ours.indicator,
        measure: ours.measure,
        lowerIsBetter: ours.lowerIsBetter,
        ours: figure(ours),
        peers: list
          .filter((r) => !r.isOurs)
          .map((p) => {
            const g = benchmarkGap({
              ours: parseDecimal(ours.value, '数值'),
              month: 12,
              profile: null,
              oursLastYear: parseDecimal(ours.previous ?? ours.value, '上年数值'),
              peer: parseDecimal(p.value, '数值'),
              peerLastYear: p.previous === null ? null : parseDecimal(p.previous, '上年数值'),
              lowerIsBetter: ours.lowerIsBetter,
            });
            return {
              ...figure(p),
              gap: shownRatio(g.gap),
              // A share of a rank or of an energy intensity means nothing: only where more is better.
              share: g.share === null || ours.lowerIsBetter ? null : shownPercent(g.share, 2),
              gainPerMonth: shownRatio(g.gainPerMonth, 4),
              monthsToClose: g.monthsToClose,
            };
          }),
      };
    }),
  };
}
