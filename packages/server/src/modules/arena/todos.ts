import type { Actor, IsoDate, TodoSource } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { arenasJudged } from './judge.js';

/** A judge's to-do: the arenas he judges today that have not finished (我的评分 lists them first). */
export async function arenaTodos(db: Db, actor: Actor, today: IsoDate): Promise<TodoSource[]> {
  const mine = (await arenasJudged(db, actor.userId, today)).filter((a) => a.today && a.action !== 'done');
  if (mine.length === 0) return [];
  return [
    {
      kind: 'arena.judging',
      label: '今日擂台赛评分',
      link: mine.length === 1 ? `/judging/${mine[0]!.arenaId}` : '/judging',
      entries: mine.map((a) => ({
        title: a.action === 'score' ? `${a.title}（进行中）` : `${a.title}（未开始）`,
        unitName: a.office.name,
        due: a.heldOn,
        daysOverdue: 0,
        link: `/judging/${a.arenaId}`,
      })),
    },
  ];
}
