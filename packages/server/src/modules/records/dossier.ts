import { LEDGER_COLOUR_LABELS, chineseDate, type CadreRecord } from '@leitai/core';

/** No ISO date in a document (GB/T 9704): 2026年12月2日. */
const d = (iso: string | null) => (iso === null ? '' : chineseDate(iso));
import { wordDocument, type Block, type Letterhead } from '../../documents/index.js';

const table = (header: string[], rows: string[][], empty: string): Block =>
  rows.length === 0 ? { kind: 'note', text: empty } : { kind: 'table', header, rows };

/**
 * The record as a Word dossier for a 考察 (official document layout: the office's 版头, 发文字号, 落款, 版记):
 * the same sections and numbers as the page, each line naming the record it came from.
 */
export function recordDossier(r: CadreRecord, letterhead: Letterhead): Promise<Buffer> {
  const c = r.cadre;
  const t = r.led.onTime;
  return wordDocument({
    title: `${c.name}同志实绩档案`,
    letterhead: { ...letterhead, addressee: '考察组' },
    blocks: [
      { kind: 'paragraph', text: `${c.name}，现任${c.unitName}${c.post}（${d(c.since)}起）。以下内容均取自系统记录。` },
      { kind: 'heading', text: '一、任职经历' },
      table(
        ['单位', '职务', '起止时间'],
        r.posts.map((p) => [p.unitName, p.post, `${d(p.since)}至${p.until === null ? '今' : d(p.until)}`]),
        '暂无任职记录。',
      ),
      { kind: 'heading', text: '二、擂台比武' },
      table(
        ['擂台赛', '类型', '日期', '代表单位', '名次', '得分'],
        r.arenas.map((a) => [
          `${a.title}（擂台赛 #${a.arenaId}）`,
          a.kindLabel,
          d(a.heldOn),
          a.unitName,
          a.rank === null ? '未结束' : `${a.rank}/${a.of}`,
          a.scoreShown ?? '—',
        ]),
        '暂无上台记录。',
      ),
      { kind: 'heading', text: '三、擂台承诺及兑现' },
      table(
        ['承诺事项', '擂台赛', '完成期限', '办理情况'],
        r.promises.map((p) => [
          `${p.title}（督办事项 #${p.itemId}）`,
          p.arenaTitle,
          d(p.deadline),
          p.state === 'closed'
            ? `${p.stateLabel}（${d(p.closedOn)}）`
            : `${p.stateLabel}，${LEDGER_COLOUR_LABELS[p.colour]}`,
        ]),
        '暂无擂台承诺。',
      ),
      { kind: 'heading', text: '四、所在单位考核等次' },
      table(
        ['单位', '考核', '期间', '名次', '等次', '总分'],
        r.grades.map((g) => [
          g.unitName,
          g.evaluation,
          g.period.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => chineseDate(iso)),
          `${g.rank}/${g.of}`,
          g.grade ?? '—',
          g.totalShown,
        ]),
        '任职期间所在单位暂无已公布的考核结果。',
      ),
      { kind: 'heading', text: '五、责任领导事项' },
      {
        kind: 'paragraph',
        text:
          t.rateShown === null
            ? `作为责任领导的督办事项 ${r.led.items.length} 项，尚无到期事项。`
            : `作为责任领导的督办事项 ${r.led.items.length} 项，已到期 ${t.due} 项，按期办结 ${t.onTime} 项，逾期办结 ${t.late} 项，逾期未办结 ${t.overdue} 项，按期办结率 ${t.rateShown}。`,
      },
      table(
        ['事项', '牵头单位', '期限', '状态'],
        r.led.items.map((i) => [`${i.title}（督办事项 #${i.itemId}）`, i.unitName, d(i.deadline), i.stateLabel]),
        '暂无作为责任领导的事项。',
      ),
      { kind: 'heading', text: '六、容错免责' },
      table(
        ['决定日期', '事项', '决定', '依据', '决定机关'],
        r.exemptions.map((e) => [
          d(e.decidedOn),
          e.source ? `${e.matter}（督办事项 #${e.source.id}）` : e.matter,
          e.decisionLabel,
          e.basis,
          e.decidedBy,
        ]),
        '暂无容错免责决定。',
      ),
      ...r.notes.map((text): Block => ({ kind: 'note', text })),
    ],
  });
}
