import { exactText, isMicro, toDecimal, type Decimal, type Micro, type Ratio } from '../number/index.js';

/** What a node of an explanation leads back to: the stored record the web app can open. */
export interface SourceRef {
  type:
    | 'report'
    | 'target'
    | 'judgeScore'
    | 'judge'
    | 'rating'
    | 'ledger'
    | 'adjustment'
    | 'component'
    | 'unit'
    | 'milestone';
  id: string;
}

export type ParamValue = string | number | boolean | null;

/**
 * One step of a computation, as plain JSON the web app renders as a tree.
 * `kind` is a stable message key (listed in docs/scoring.md) — the app turns it and `params`
 * into a Chinese or English sentence; `value` is what the step yields, as a decimal string.
 */
export interface Explanation {
  kind: string;
  value?: Decimal;
  params?: Record<string, ParamValue>;
  source?: SourceRef;
  children?: Explanation[];
}

/** Builds a node, leaving out empty parts so the JSON stays small. */
export function explain(
  kind: string,
  value: Micro | null,
  params?: Record<string, ParamValue>,
  children?: Explanation[],
  source?: SourceRef,
): Explanation {
  const node: Explanation = { kind };
  if (value !== null) node.value = toDecimal(value);
  if (params && Object.keys(params).length > 0) node.params = params;
  if (source) node.source = source;
  if (children && children.length > 0) node.children = children;
  return node;
}

/** Every node in depth-first order, for tests and search. */
export function* walk(node: Explanation): Generator<Explanation> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/**
 * `{ exact: "1307/15" }` beside a rounded value, only where rounding changed it, so a tree can answer
 * "why 2nd?" when two shown figures look equal or one looks off by a millionth.
 */
export const exactParam = (r: Ratio | null, key = 'exact'): Record<string, string> =>
  r === null || isMicro(r) ? {} : { [key]: exactText(r) };
