/** 回避: who may not score whom. */
export interface RecusalJudge {
  id: string;
  /** The judge's own unit, when they belong to one (a leader or a department's staff). */
  unitId: string | null;
}
export interface RecusalContestant {
  id: string;
  unitId: string;
}
export interface Recusal {
  judgeId: string;
  contestantId: string;
  /** 'unit': the judge belongs to the contestant's unit (automatic); 'manual': added by the organiser. */
  kind: 'unit' | 'manual';
  reason: string;
}

/** Recusals that follow from units: a judge never scores the unit they belong to. */
export function automaticRecusals(
  judges: readonly RecusalJudge[],
  contestants: readonly RecusalContestant[],
): Recusal[] {
  const out: Recusal[] = [];
  for (const j of judges) {
    if (j.unitId === null) continue;
    for (const c of contestants) {
      if (c.unitId === j.unitId)
        out.push({ judgeId: j.id, contestantId: c.id, kind: 'unit', reason: '评委来自该选手所在单位，自动回避' });
    }
  }
  return out;
}

/** Automatic and manual recusals together, one per (judge, contestant); the automatic one wins. */
export function mergeRecusals(automatic: readonly Recusal[], manual: readonly Recusal[]): Recusal[] {
  const seen = new Set(automatic.map((r) => `${r.judgeId}\u0000${r.contestantId}`));
  return [...automatic, ...manual.filter((r) => !seen.has(`${r.judgeId}\u0000${r.contestantId}`))];
}

export function isRecused(
  recusals: readonly Pick<Recusal, 'judgeId' | 'contestantId'>[],
  judgeId: string,
  contestantId: string,
): boolean {
  return recusals.some((r) => r.judgeId === judgeId && r.contestantId === contestantId);
}
