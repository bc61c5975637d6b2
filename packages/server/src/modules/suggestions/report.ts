import { SUGGESTION_STATUS_LABELS, type Actor, type IsoDate } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { exportWorkbook } from '../../excel/index.js';
import { AppError } from '../../errors.js';
import * as units from '../units/index.js';
import { roundCounts, roundById, roundSuggestions } from './repository.js';
import { roundDetail } from './rounds.js';

/** 按单位、按月统计: ideas and adopted ideas by the proposer's unit (the public as one row) and by month. */
export async function roundStats(db: Db, id: number) {
  if (!(await roundById(db, id))) throw new AppError('NOT_FOUND', '征集活动不存在或无权访问');
  const { byUnit, byMonth } = await roundCounts(db, id);
  const names = await units.byIds(
    db,
    byUnit.flatMap((r) => (r.unitId === null ? [] : [r.unitId])),
  );
  return {
    byUnit: byUnit
      .map((r) => ({
        unitId: r.unitId,
        unitName: r.unitId === null ? null : (names.get(r.unitId)?.name ?? ''),
        submitted: r.n,
        adopted: r.adopted,
      }))
      // The public's row last, the units by how many they sent.
      .sort(
        (a, b) =>
          Number(a.unitId === null) - Number(b.unitId === null) ||
          b.submitted - a.submitted ||
          (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh-CN'),
      ),
    byMonth: byMonth.map((r) => ({ month: r.month, submitted: r.n, adopted: r.adopted })),
  };
}

/** 评选结果 as Excel: every idea the office reads, by rank, with score, decision and reward; then the counts. */
export async function roundXlsx(db: Db, actor: Actor, id: number, today: IsoDate) {
  const { round, suggestions } = await roundDetail(db, actor, id, today);
  const stats = await roundStats(db, id);
  const total = (await roundSuggestions(db, id)).length;
  type Idea = (typeof suggestions)[number];
  type Unit = (typeof stats.byUnit)[number];
  const buffer = await exportWorkbook<[Idea, Unit]>([
    {
      name: '评选结果',
      title: [
        `${round.title} 评选结果`,
        `征集 ${round.opensOn} 至 ${round.closesOn}，共 ${total} 条，评选前 ${round.topN} 名`,
      ],
      columns: [
        { header: '名次', value: (s) => s.rank },
        { header: '入选', value: (s) => (s.chosen ? '是' : '') },
        { header: '标题', width: 40, value: (s) => s.title },
        { header: '建议人', value: (s) => s.proposerName },
        { header: '单位', width: 24, value: (s) => s.proposerUnitName ?? '社会公众' },
        { header: '平均分', value: (s) => (s.score === null ? null : Number(s.score)) },
        { header: '评审人数', value: (s) => s.scoredBy },
        { header: '状态', value: (s) => SUGGESTION_STATUS_LABELS[s.status] },
        { header: '奖励等级', value: (s) => s.reward?.label ?? '' },
        { header: '奖金（元）', value: (s) => (s.reward ? Number(s.reward.amount) : null) },
        { header: '提交时间', width: 20, value: (s) => s.submittedAt.slice(0, 10) },
      ],
      rows: suggestions,
    },
    {
      name: '按单位统计',
      title: [`${round.title} 按单位统计`],
      columns: [
        { header: '单位', width: 24, value: (u) => u.unitName ?? '社会公众' },
        { header: '提交', value: (u) => u.submitted },
        { header: '采纳', value: (u) => u.adopted },
      ],
      rows: stats.byUnit,
    },
  ]);
  return { name: `${round.title}-评选结果.xlsx`, buffer };
}
