import { describe, expect, it } from 'vitest';
import { adjustmentActions, adjustmentCounts, adjustmentNextState } from './adjustments.js';

describe('容错免责 procedure (申请 → 受理 → 核实 → 认定 → 报备)', () => {
  const office = { userId: 2, mayDecide: true };
  const waiver = (state: Parameters<typeof adjustmentActions>[0]['state'], verifiedBy: number | null = null) => ({
    kind: 'waiver' as const,
    state,
    proposedBy: 1,
    verifiedBy,
  });
  it('offers each step in turn to the office, never to the proposer', () => {
    expect(adjustmentActions(waiver('proposed'), office, true)).toEqual(['accept', 'refuse']);
    expect(adjustmentActions(waiver('accepted'), office, true)).toEqual(['verify', 'refuse']);
    expect(adjustmentActions(waiver('verified', 3), office, true)).toEqual(['approve', 'refuse']);
    expect(adjustmentActions(waiver('approved'), office, true)).toEqual(['file']);
    expect(adjustmentActions(waiver('filed'), office, true)).toEqual([]);
    expect(adjustmentActions(waiver('proposed'), { userId: 1, mayDecide: true }, true)).toEqual([]);
  });
  it('keeps the verifier from deciding, and deciding to an open scheme; filing may follow the close', () => {
    expect(adjustmentActions(waiver('verified', 2), office, true)).toEqual([]);
    expect(adjustmentActions(waiver('verified', 3), office, false)).toEqual([]);
    expect(adjustmentActions(waiver('approved'), office, false)).toEqual(['file']);
  });
  it('decides a bonus or a penalty in one step', () => {
    expect(adjustmentActions({ kind: 'bonus', state: 'proposed', proposedBy: 1 }, office, true)).toEqual([
      'approve',
      'refuse',
    ]);
    expect(adjustmentActions({ kind: 'penalty', state: 'approved', proposedBy: 1 }, office, true)).toEqual([]);
  });
  it('counts what was decided, filed or not', () => {
    expect(['accept', 'verify', 'approve', 'refuse', 'file'].map((a) => adjustmentNextState(a as never))).toEqual([
      'accepted',
      'verified',
      'approved',
      'refused',
      'filed',
    ]);
    expect(adjustmentCounts('approved') && adjustmentCounts('filed')).toBe(true);
    expect(adjustmentCounts('verified') || adjustmentCounts('refused')).toBe(false);
  });
});
