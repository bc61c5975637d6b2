import { chineseDate, JUDGE_STATUS_LABELS } from '@leitai/core';
import { wordDocument, type Letterhead } from '../../documents/index.js';
import { INT_FMT, SCORE_FMT, exportWorkbook, listColumns, numberCell, type ExportCell } from '../../excel/index.js';
import type { ArenaResult } from './result.js';

/** A shown figure (two places, rounded once from the exact value by the engine), or a dash. */
const fmt = (v: string | null | undefined): string => v ?? '—';

function header(r: ArenaResult): string[] {
  return [
    '名次',
    '出场',
    '单位',
    '陈述人',
    '总分',
    ...r.arena.criteria.map((c) => `${c.id}(${c.max})`),
    ...r.arena.groups.map((g) => `${g.id}(权重${g.weight})`),
  ];
}

function line(r: ArenaResult, row: ArenaResult['rows'][number]): string[] {
  return [
    row.rank === null ? '—' : String(row.rank),
    row.position === null ? '—' : String(row.position),
    row.unitName,
    row.presenter,
    fmt(row.scoreShown),
    ...r.arena.criteria.map((c) => fmt(row.criteriaShown[c.id])),
    ...r.arena.groups.map((g) => fmt(row.groups.find((x) => x.groupId === g.id)?.scoreShown)),
  ];
}

/** The ranking for Excel: ranks as integers and scores as number cells (two places by format). */
function cells(r: ArenaResult, row: ArenaResult['rows'][number]): ExportCell[] {
  return [
    row.rank,
    row.position,
    row.unitName,
    row.presenter,
    numberCell(row.score),
    ...r.arena.criteria.map((c) => numberCell(row.criteria[c.id] ?? null)),
    ...r.arena.groups.map((g) => numberCell(row.groups.find((x) => x.groupId === g.id)?.score ?? null)),
  ];
}
const formats = (r: ArenaResult): string[] => header(r).map((_, i) => (i < 2 ? INT_FMT : i < 4 ? '' : SCORE_FMT));

const judgeRows = (r: ArenaResult): ExportCell[][] =>
  r.rows.flatMap((row) =>
    row.groups.flatMap((g) =>
      g.judges.map((j) => [row.unitName, g.groupId, j.name, numberCell(j.total), JUDGE_STATUS_LABELS[j.status]]),
    ),
  );
const absenceRows = (r: ArenaResult) => [
  ...r.excused.map((a) => [a.name, a.groupId, '缺席', a.wholeArena ? '全场' : a.contestants.join('、')]),
  ...r.absences.map((a) => [a.name, a.groupId, '未评分', a.contestants.join('、')]),
];

/** 成绩表 (ranking) and 评委明细 (every judge's total and status) sheets, and 缺评 when a judge was absent. */
export function resultWorkbook(r: ArenaResult): Promise<Buffer> {
  return exportWorkbook([
    {
      name: '成绩表',
      title: [`${r.arena.title}（${r.arena.heldOn}）抽签种子：${r.arena.seed ?? '未抽签'}`],
      columns: listColumns(
        header(r),
        header(r).map((_, i) => (i === 2 ? 30 : 12)),
        formats(r),
      ),
      rows: r.rows.map((row) => cells(r, row)),
    },
    {
      name: '评委明细',
      columns: listColumns(['单位', '评委组', '评委', '总分', '状态'], [], ['', '', '', SCORE_FMT]),
      rows: judgeRows(r),
    },
    ...(r.absences.length + r.excused.length > 0
      ? [{ name: '缺评', columns: listColumns(['评委', '评委组', '情形', '选手']), rows: absenceRows(r) }]
      : []),
  ]);
}

/** A result notice (成绩通报) for publication: title, seed, ranking table, absences. */
export function resultDocument(r: ArenaResult, letterhead: Letterhead): Promise<Buffer> {
  return wordDocument({
    title: `${r.arena.title}成绩通报`,
    letterhead,
    blocks: [
      {
        kind: 'paragraph',
        text: `举办日期：${chineseDate(r.arena.heldOn)}；出场顺序抽签种子：${r.arena.seed ?? '未抽签'}（任何人可按公开算法复现抽签结果）。`,
      },
      {
        kind: 'paragraph',
        text: '评分规则：各评委组去掉一个最高分和一个最低分（组内不少于 5 个有效分时）后取平均，按组权重加权；回避和未评分的评委不计入。',
      },
      { kind: 'table', header: header(r), rows: r.rows.map((row) => line(r, row)) },
      ...(r.excused.length > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `缺席评委：${r.excused.map((a) => `${a.name}（${a.wholeArena ? '全场' : a.contestants.join('、')}）`).join('；')}`,
            },
          ]
        : []),
      ...(r.absences.length > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `未评分评委：${r.absences.map((a) => `${a.name}（${a.contestants.length} 位选手）`).join('；')}`,
            },
          ]
        : []),
    ],
  });
}
