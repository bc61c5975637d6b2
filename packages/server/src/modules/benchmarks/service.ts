import {
  benchmarkGap,
  can,
  monthlyGain,
  parseDecimal,
  shownDecimal,
  shownPercent,
  shownRatio,
  type Actor,
  type RecordFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { actorOffice } from '../../http/access.js';
import { AppError, importInvalid, notFound, type ImportProblem } from '../../errors.js';
import { buildTemplate, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as units from '../units/index.js';
import {
  figuresIn,
  figuresOf,
  modelOf,
  modelsOf,
  replaceFigures,
  setModel,
  type FigureRow,
  type NewFigure,
} from './repository.js';

/** The subject name of our own figures in the sheet: the region's, or (with a 单位) that unit's. */
export const OURS = '本区';
export const OUR_UNIT = '本单位';
const isOurs = (subject: string) => subject === OURS || subject === OUR_UNIT;
const YES_NO = ['是', '否'];
const COLUMNS = [
  { header: '单位', width: 18 },
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
      ['', '地区生产总值', '亿元', OURS, 589.23, 571.33, '2023-12-31', '区统计公报', '不含临空经济区', '否'],
      ['', '地区生产总值', '亿元', '博罗县', 838.88, null, '2023-12-31', '博罗县统计公报', '全口径', '否'],
      ['区商务局', '实际使用外资', '亿美元', OUR_UNIT, 3.1, 2.6, '2023-12-31', '区商务局年报', '', '否'],
      ['区商务局', '实际使用外资', '亿美元', '武昌区商务局', 4.2, 3.9, '2023-12-31', '武昌区商务局年报', '', '否'],
    ],
    instructions: [
      `单位留空为全区的对标：每个指标一行“${OURS}”（本区自己的数值），其余每行一个对标地区。`,
      `单位填本考核办所辖单位的名称或代码，为该单位的对标：每个指标一行“${OUR_UNIT}”，其余每行一个对标单位。`,
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
  const own = await units.inScope(db, { kind: 'paths', paths: [office.path], exact: [] });
  const unitByName = new Map(own.flatMap((u) => [[u.name, u] as const, [u.code, u] as const]));
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
    const unit = c['单位'] === '' ? null : (unitByName.get(c['单位']) ?? null);
    if (c['单位'] !== '' && !unit)
      out.push({ row: r.row, column: '单位', message: `“${c['单位']}”不是本考核办所辖的单位` });
    if (unit && c['对象'] === OURS)
      out.push({ row: r.row, column: '对象', message: `单位自己的数值填“${OUR_UNIT}”，“${OURS}”用于全区` });
    if (c['单位'] === '' && c['对象'] === OUR_UNIT)
      out.push({ row: r.row, column: '对象', message: `“${OUR_UNIT}”须填所属单位` });
    const key = `${c['单位']}\u0000${c['指标']}\u0000${c['对象']}`;
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
      unitId: unit?.id ?? null,
      indicator: c['指标'],
      measure: c['计量单位'],
      subject: c['对象'],
      isOurs: isOurs(c['对象']),
      value,
      previous,
      asOf: c['数据日期'],
      source: c['来源'],
      caliber: c['口径'],
      lowerIsBetter: c['越小越好'] === '是',
    });
  }
  const unitName = new Map(own.map((u) => [u.id, u.name]));
  for (const key of new Set(good.map((g) => `${g.unitId ?? ''}\u0000${g.indicator}`))) {
    const [unitId, indicator] = key.split('\u0000') as [string, string];
    if (!good.some((g) => `${g.unitId ?? ''}\u0000${g.indicator}` === key && g.isOurs))
      out.push({
        row: 0,
        column: '对象',
        message:
          unitId === ''
            ? `指标“${indicator}”缺少“${OURS}”一行`
            : `${unitName.get(Number(unitId))}的指标“${indicator}”缺少“${OUR_UNIT}”一行`,
      });
  }
  if (out.length > 0) throw importInvalid(out);
  return db.transaction(async (tx) => {
    const before = await figuresOf(tx, office.unitId);
    await replaceFigures(tx, office.unitId, good);
    await recordAudit(tx, who, {
      action: 'benchmark.import',
      targetType: 'benchmark',
      unitId: office.unitId,
      before: before.map(({ unitId, indicator, subject, value, previous, asOf }) => ({
        unitId,
        indicator,
        subject,
        value,
        previous,
        asOf,
      })),
      after: good.map(({ unitId, indicator, subject, value, previous, asOf }) => ({
        unitId,
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
 * One unit's board (or the region's, unitId null), per indicator: our figure against each peer's, the gap now, our
 * share of it and the months to close it at our pace (core benchmarkGap; null: never at this pace), the 学赶对象 first.
 * The leader's view across indicators is the whole list. Also the units that have figures, for the picker.
 */
export async function benchmarkBoard(db: Db, actor: Actor, scope: RecordFilter, unitId: number | null) {
  const all = await figuresIn(db, scope);
  const rows = all.filter((r) => r.unitId === unitId);
  const offices = [...new Set(all.map((r) => r.officeUnitId))];
  const models = await modelsOf(db, offices);
  const officePaths = await units.byIds(db, offices);
  const named = await units.byIds(
    db,
    all.flatMap((r) => (r.unitId === null ? [] : [r.unitId])),
  );
  const mayChoose = (officeUnitId: number) => {
    const path = officePaths.get(officeUnitId)?.path;
    return path !== undefined && can(actor, 'benchmark.manage', { officePath: path, unitPaths: [] });
  };
  const keys = [...new Set(rows.map((r) => `${r.officeUnitId}\u0000${r.indicator}`))];
  return {
    unit: unitId === null ? null : { id: unitId, name: named.get(unitId)?.name ?? '' },
    units: [...named.values()].map((u) => ({ id: u.id, name: u.name })),
    indicators: keys.flatMap((key) => {
      const list = rows.filter((r) => `${r.officeUnitId}\u0000${r.indicator}` === key);
      const ours = list.find((r) => r.isOurs);
      if (!ours) return [];
      const model = models.find((m) => m.officeUnitId === ours.officeUnitId && m.unitId === unitId)?.subject ?? null;
      const peers = list
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
          const isModel = p.subject === model;
          return {
            ...figure(p),
            gap: shownRatio(g.gap),
            // A share of a rank or of an energy intensity means nothing: only where more is better.
            share: g.share === null || ours.lowerIsBetter ? null : shownPercent(g.share, 2),
            gainPerMonth: shownRatio(g.gainPerMonth, 4),
            monthsToClose: g.monthsToClose,
            isModel,
            actions: !isModel && mayChoose(ours.officeUnitId) ? (['choose_model'] as const) : [],
          };
        });
      return [
        {
          indicator: ours.indicator,
          measure: ours.measure,
          lowerIsBetter: ours.lowerIsBetter,
          ours: figure(ours),
          // Our own gain a month (a year's gain over twelve); each peer's gainPerMonth is net of the peer's gain.
          oursGainPerMonth:
            ours.previous === null
              ? null
              : shownRatio(
                  monthlyGain({
                    ours: parseDecimal(ours.value, '数值'),
                    oursLastYear: parseDecimal(ours.previous, '上年数值'),
                    lowerIsBetter: ours.lowerIsBetter,
                  }),
                  4,
                ),
          model,
          peers: [...peers.filter((p) => p.isModel), ...peers.filter((p) => !p.isModel)],
        },
      ];
    }),
  };
}

/** Chooses a peer as the 学赶对象 of a unit (or of the region): one of the office's peers for it. Audited. */
export async function chooseModel(
  db: Db,
  actor: Actor,
  who: AuditActor,
  body: { unitId: number | null; subject: string },
): Promise<{ model: string }> {
  const office = actorOffice(actor);
  const figures = (await figuresOf(db, office.unitId)).filter((f) => f.unitId === body.unitId);
  if (figures.length === 0) throw notFound('该单位的对标数据');
  if (!figures.some((f) => !f.isOurs && f.subject === body.subject))
    throw new AppError('RULE_VIOLATION', `“${body.subject}”不是该单位的对标对象`);
  return db.transaction(async (tx) => {
    const before = await modelOf(tx, office.unitId, body.unitId);
    await setModel(tx, {
      officeUnitId: office.unitId,
      unitId: body.unitId,
      subject: body.subject,
      chosenBy: actor.userId,
    });
    await recordAudit(tx, who, {
      action: 'benchmark.model',
      targetType: 'benchmark',
      targetId: body.unitId,
      unitId: body.unitId ?? office.unitId,
      before: before ? { subject: before.subject } : null,
      after: { subject: body.subject },
    });
    return { model: body.subject };
  });
}
