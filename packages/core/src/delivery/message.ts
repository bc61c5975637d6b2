import { truncateUtf8, utf8Length } from './text.js';

/** The delivery channels outside the app, and their names in Chinese (documents, logs, the server's words). */
export const CHANNELS = ['wecom', 'dingtalk', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  sms: '短信',
  email: '电子邮件',
};

/** A notice as the channels carry it. */
export interface OutgoingNotice {
  title: string;
  body: string;
  /** The app's path (/ledger/items/3), made absolute with the public address when one is configured. */
  link: string | null;
}

const linkOf = (n: OutgoingNotice, baseUrl: string | null) =>
  n.link && baseUrl ? `${baseUrl.replace(/\/+$/, '')}${n.link}` : null;

/** One notice in a robot's markdown, cut to `maxBytes`. */
export function noticeMarkdown(n: OutgoingNotice, baseUrl: string | null, maxBytes: number): string {
  const url = linkOf(n, baseUrl);
  const tail = url ? `\n[查看详情](${url})` : '';
  const head = `**${n.title}**`;
  const body = n.body ? `\n> ${n.body.replace(/\n/g, '\n> ')}` : '';
  const text = `${head}${body}${tail}`;
  return truncateUtf8(text, maxBytes);
}

/**
 * Several notices merged into one robot message (a burst above the rate limit): a count, then one line
 * per notice while they fit in `maxBytes`, then how many more there are.
 */
export function digestMarkdown(notices: readonly OutgoingNotice[], baseUrl: string | null, maxBytes: number): string {
  const head = `**通知汇总（${notices.length} 条）**`;
  const lines = notices.map((n) => {
    const url = linkOf(n, baseUrl);
    return url ? `- [${n.title}](${url})` : `- ${n.title}`;
  });
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const more = rest > 0 ? `\n…另有 ${rest} 条，请登录平台查看` : '';
    const next = `${text}\n${lines[i]}`;
    if (utf8Length(`${next}${more}`) > maxBytes) {
      return truncateUtf8(`${text}\n…另有 ${lines.length - i} 条，请登录平台查看`, maxBytes);
    }
    text = next;
  }
  return truncateUtf8(text, maxBytes);
}

/** The SMS text: 【签名】 is the provider's template business; the text is title and body, cut to 300 characters. */
export function smsText(n: OutgoingNotice): string {
  const text = n.body ? `${n.title}：${n.body}` : n.title;
  return [...text].length > 300 ? `${[...text].slice(0, 299).join('')}…` : text;
}
