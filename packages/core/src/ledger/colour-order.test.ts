import { describe, expect, it } from 'vitest';
import { byColourUrgency, LEDGER_COLOUR_LABELS, LEDGER_COLOUR_SEVERITY, LEDGER_COLOURS } from './colour.js';

describe('ledger colours: one order, one severity, one word each', () => {
  it('lists green, yellow, red, closed, and sorts the most urgent first', () => {
    expect(LEDGER_COLOURS).toEqual(['green', 'yellow', 'red', 'closed']);
    expect([...LEDGER_COLOURS].sort(byColourUrgency)).toEqual(['red', 'yellow', 'green', 'closed']);
  });
  it('ranks red above yellow above green above closed', () => {
    const s = LEDGER_COLOUR_SEVERITY;
    expect(s.red > s.yellow && s.yellow > s.green && s.green > s.closed).toBe(true);
  });
  it('has one distinct word per colour', () => {
    const words = LEDGER_COLOURS.map((c) => LEDGER_COLOUR_LABELS[c]);
    expect(words).toEqual(['正常', '临期', '逾期', '已销号']);
    expect(new Set(words).size).toBe(words.length);
  });
});
