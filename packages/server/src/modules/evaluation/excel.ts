import type { EvaluationDetail, RankingRow } from '@leitai/core';
import { forbidden } from '../../errors.js';
import { exportWorkbook, INT_FMT, numberCell, SCORE_FMT, type ExportColumn } from '../../excel/index.js';

const move = (c: number | null) => (c === null ? '' : c > 0 ? `进${c}位` : c < 0 ? `退${-c}位` : '持平');

/** The results as an office files them: one sheet per category, numbers as numbers, rounded once. */
export async function evaluationWorkbook(d: EvaluationDetail<Date>): Promise<Buffer> {
  if (!d.ranking) throw forbidden('考核结果尚未公布');
  const e = d.evaluation;
  const columns: ExportColumn<RankingRow>[] = [
    { header: '名次', numFmt: INT_FMT, value: (r) => r.rank },
    { header: '单位', width: 28, value: (r) => r.unitName },
    { header: '综合得分', numFmt: SCORE_FMT, value: (r) => numberCell(r.totalShown) },
    ...d.scheme.components.map((c): ExportColumn<RankingRow> => ({
      header: c.name,
      numFmt: SCORE_FMT,
      value: (r) => numberCell(r.components.find((x) => x.componentId === c.id)?.scoreShown),
    })),
    { header: '等次', value: (r) => r.grade },
    { header: '较上期', value: (r) => move(r.rankChange) },
    { header: '红黑榜', value: (r) => (r.honour ? '红榜' : r.warning ? '黑榜' : '') },
  ];
  const version = d.versions.at(-1);
  return exportWorkbook<RankingRow[]>(
    d.ranking.map((c) => ({
      name: c.categoryName.slice(0, 31),
      title: [
        `${e.name}（${c.categoryName}）`,
        `考核期：${e.periodFrom} 至 ${e.periodTo}\u3000${e.stateLabel}${version ? `\u3000第 ${version.version} 版` : ''}`,
        '得分四舍五入保留两位小数，排名按精确得分，并列者名次相同',
      ],
      columns,
      rows: c.rows,
    })),
  );
}
