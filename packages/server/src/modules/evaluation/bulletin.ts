import { APPEAL_STATE_LABELS, type EvaluationDetail } from '@leitai/core';
import { wordDocument, type Block, type Letterhead } from '../../documents/index.js';
import { forbidden } from '../../errors.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);
const move = (c: number | null) => (c === null ? '—' : c > 0 ? `进${c}位` : c < 0 ? `退${-c}位` : '持平');

/**
 * 考核结果通报 in the house layout: what was evaluated and how it was settled (公示, appeals), the ranking
 * of each category with grades, the 红黑榜, the appeals, and — for a later version — what changed.
 */
export function evaluationBulletin(d: EvaluationDetail<Date>, letterhead: Letterhead): Promise<Buffer> {
  if (!d.ranking) throw forbidden('考核结果尚未公布');
  const e = d.evaluation;
  const version = d.versions.at(-1);
  const components = d.scheme.components;
  const units = d.ranking.reduce((n, c) => n + c.rows.length, 0);
  // Every settled appeal, whoever prints it: the 通报 is the same document for every reader.
  const settled = d.settledAppeals;
  const upheld = settled.filter((a) => a.stateLabel === APPEAL_STATE_LABELS.upheld).length;
  const stage = e.state === 'final' ? '正式结果' : '公示结果';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `按照考核方案（第 ${d.snapshot?.schemeVersion ?? e.schemeVersion} 版），对 ${d.ranking.length} 个类别 ${units} 个单位 ` +
        `${e.periodFrom} 至 ${e.periodTo} 的工作实绩进行了分类考核，考核分项为${components.map((c) => `${c.name}（${c.source.kind === 'ledger' ? '含逾期扣分' : '按方案计分'}）`).join('、')}。` +
        (e.commentUntil ? `结果已于公示期（至 ${e.commentUntil}）内接受申诉，` : '') +
        (settled.length > 0
          ? `共办结申诉 ${settled.length} 件，经审核、复核，成立 ${upheld} 件，不予支持 ${settled.length - upheld} 件。`
          : '公示期内未收到申诉。') +
        `现将${stage}${version ? `（第 ${version.version} 版）` : ''}通报如下。`,
    },
  ];
  d.ranking.forEach((c, i) => {
    blocks.push({ kind: 'heading', text: `${numeral(i)}、${c.categoryName}` });
    blocks.push({
      kind: 'table',
      header: ['名次', '单位', '综合得分', ...components.map((x) => x.name), '等次', '较上期'],
      rows: c.rows.map((r) => [
        String(r.rank),
        r.unitName,
        r.totalShown,
        ...components.map((x) => r.components.find((y) => y.componentId === x.id)?.scoreShown ?? '—'),
        r.grade,
        move(r.rankChange),
      ]),
      // 红榜 rows tinted, 黑榜 grey: how the office's printed lists look.
      shading: c.rows.map((r) => (r.honour ? 'FDE2E2' : r.warning ? 'EDEDED' : null)),
    });
    const names = (ids: string[]) =>
      ids.map((id) => c.rows.find((r) => String(r.unitId) === id)?.unitName ?? id).join('、') || '无';
    blocks.push({ kind: 'paragraph', text: `红榜：${names(c.honourList)}。黑榜：${names(c.warningList)}。` });
  });
  let n = d.ranking.length;
  if (settled.length > 0) {
    blocks.push({ kind: 'heading', text: `${numeral(n++)}、申诉办理情况` });
    blocks.push({
      kind: 'table',
      header: ['单位', '申诉分项', '办理结果', '审核意见'],
      rows: settled.map((a) => [
        a.unitName,
        a.componentName,
        a.stateLabel,
        `${a.decision}${a.correction ? `（更正为 ${a.correction}）` : ''}`,
      ]),
    });
  }
  const changes = version && version.version > 1 ? version.changes : [];
  if (changes.length > 0) {
    blocks.push({ kind: 'heading', text: `${numeral(n++)}、第 ${version!.version} 版较上一版的变化` });
    blocks.push({
      kind: 'table',
      header: ['单位', '名次', '综合得分', '变化原因'],
      rows: changes.map((c) => [
        c.unitName,
        `${c.before?.rank ?? '—'} → ${c.after?.rank ?? '—'}`,
        `${c.before?.totalShown ?? '—'} → ${c.after?.totalShown ?? '—'}`,
        c.reason,
      ]),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: '希望列入红榜的单位再接再厉、争创一流；列入黑榜的单位要认真查找差距，制定整改措施，于 10 个工作日内将整改方案报区考核办。',
  });
  return wordDocument({ title: `关于${e.name}${stage}的通报`, letterhead, blocks });
}
