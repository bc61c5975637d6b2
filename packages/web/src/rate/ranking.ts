import { publishedRanking, type PublicRanking } from './api';
import { h, mount } from './dom';

/** Asia/Shanghai calendar day and time of an instant, as the office published it. */
function shanghai(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/**
 * The published ranking (/p/ranking, or /p/ranking/<id> for one version): the office's frozen snapshot,
 * units by category with satisfaction, 好评率 and 差评整改率. Read-only, no account, phone first.
 */
export async function rankingPage(app: HTMLElement, id: string, errorBox: (e: unknown) => HTMLElement) {
  let r: PublicRanking;
  try {
    r = await publishedRanking(id || undefined);
  } catch (e) {
    mount(app, h('header', {}, h('h1', {}, '群众满意度排名')), errorBox(e));
    return;
  }
  document.title = r.title;
  const categories = [...new Set(r.rows.map((x) => x.category))];
  const latest = r.versions[0]?.id === r.id;
  mount(
    app,
    h(
      'header',
      {},
      h('h1', {}, r.title),
      h('p', {}, `${r.office} · 第 ${r.version} 版 · 发布于 ${shanghai(r.publishedAt)}`),
    ),
    latest ? null : h('div', { class: 'error', role: 'note' }, '这是历史版本，已有更新的发布。'),
    h(
      'p',
      { class: 'muted' },
      `统计期间 ${r.from} 至 ${r.to}。满意度按贝叶斯平均计算（评价少的单位向全体平均数靠拢），各单位在本类别内排名，并列者名次相同。`,
    ),
    ...categories.map((c) =>
      h(
        'section',
        { 'aria-label': c },
        h('h2', {}, c),
        h(
          'ol',
          { class: 'ranking' },
          ...r.rows
            .filter((x) => x.category === c)
            .map((x) =>
              h(
                'li',
                { 'data-testid': 'ranking-row' },
                h('span', { class: 'rank' }, x.categoryRank === null ? '—' : String(x.categoryRank)),
                h(
                  'div',
                  { class: 'who' },
                  h('strong', {}, x.unit),
                  h('small', {}, `评价 ${x.ratings} 条 · 好评率 ${x.goodRate} · 差评 ${x.bad} 条`),
                ),
                h(
                  'div',
                  { class: 'score' },
                  h('small', {}, '满意度'),
                  h('strong', {}, x.satisfaction),
                  h('small', {}, `整改率 ${x.rectifiedRate}`),
                ),
              ),
            ),
        ),
      ),
    ),
    r.rows.length === 0 ? h('p', { class: 'muted' }, '本期无评价。') : null,
    r.versions.length > 1
      ? h(
          'section',
          {},
          h('h2', {}, '历次发布'),
          h(
            'div',
            { class: 'chips' },
            ...r.versions.map((v) =>
              h(
                'a',
                { href: `/p/ranking/${v.id}`, 'aria-current': v.id === r.id ? 'page' : undefined },
                `第 ${v.version} 版`,
              ),
            ),
          ),
        )
      : null,
  );
}
