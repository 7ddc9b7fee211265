import { FUNCTIONS, mapChildren, printTerm, someSubterm, type Term } from '../model/index.ts';
import { eliminateDeltas, eliminateDiff } from '../symbolic/index.ts';

/**
 * For a step that holds almost everywhere: whether its sides use different
 * conventions at a kink, e.g. ReLU's derivative written `(x >= 0)` on one side
 * and `(x > 0)` (or relu differentiated, which is `x > 0`) on the other. They
 * agree except where x = 0 exactly, a set of measure zero the checks leave out.
 * Returns a note for the report, or undefined when every comparison matches.
 */
export function kinkConvention(lhs: Term, rhs: Term): string | undefined {
  const left = comparisons(eliminateDeltas(eliminateDiff(lhs)));
  const rightText = new Map<string, [string, string]>();
  const right = comparisons(eliminateDeltas(eliminateDiff(rhs)), rightText);
  const notes: string[] = [];
  for (const [key, ops] of right) {
    const other = left.get(key);
    if (!other) continue;
    for (const op of ops) {
      for (const o of other) {
        if (op !== o && strict(op) === strict(o)) {
          const [a, b] = rightText.get(key)!;
          const note = `differs only at the kink ${a} = ${b} (convention at 0: ${op} vs ${o})`;
          if (!notes.includes(note)) notes.push(note);
        }
      }
    }
  }
  return notes.length > 0 ? notes.join('; ') : undefined;
}

const erase = (text: string): string => text.replace(/\[[^\]]*\]/g, '[]');

/** `>=` and `>` decide the same except at equality; so do `<=` and `<`. */
function strict(op: string): string {
  return op === '>=' ? '>' : op === '<=' ? '<' : op;
}

/** Each comparison of values, keyed by its operands as printed without indices (oriented so that `<` reads as `>`), with the operators used. */
function comparisons(term: Term, texts?: Map<string, [string, string]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (t: Term): Term => {
    if (t.k === 'cmp' && t.op !== '==' && t.op !== '!=') {
      const flip = t.op === '<' || t.op === '<=';
      const [a, b] = flip ? [t.b, t.a] : [t.a, t.b];
      const op = flip ? (t.op === '<' ? '>' : '>=') : t.op;
      // Indices are left out of the key: a derivative taken through a sum still reads (Z1[j, c] > 0) where
      // the other side has (Z1[r, c] >= 0); the step already holds almost everywhere, this only names the convention.
      const key = `${erase(printTerm(a))}\u0000${erase(printTerm(b))}`;
      texts?.set(key, [printTerm(a), printTerm(b)]);
      if (!out.has(key)) out.set(key, new Set());
      out.get(key)!.add(op);
    }
    return mapChildren(t, walk);
  };
  walk(term);
  return out;
}

/**
 * Whether a side, its derivatives taken and its lets read as their definitions, has a comparison of values or a
 * function with a kink: both sides need one for kinkConvention to find anything, and differentiating the sides to
 * find out took 0.65 s of a Gaussian process's step.
 */
export function mayCompare(term: Term): boolean {
  return someSubterm(term, (t) => t.k === 'cmp' || t.k === 'extremum' || (t.k === 'reduce' && t.op !== 'prod')
    || (t.k === 'fn' && FUNCTIONS[t.name].kink !== undefined));
}
