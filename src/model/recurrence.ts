import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Expr, LetDecl, Span } from '../syntax/index.ts';
import { exprChildren } from '../syntax/index.ts';
import type { LetDefinition } from './resolve.ts';

/**
 * A definition by recurrence, as BPTT writes a hidden state: first cases at whole
 * numbers (`let h[0] = 0`), then a step that reads earlier entries
 * (`let h[t] = tanh(w * h[t - 1] + u * x[t])`), each a `let` of its own.
 *
 * An entry is read at a whole number only (h[3], h[2, i]), and is then an ordinary
 * definition: the step with that number in for its count, resolved once and kept.
 * So every engine downstream sees plain terms, and a recurrence costs nothing where
 * it is not used. Read at a symbol (h[T]) there is no number to unroll to: that is
 * an error that says so.
 */
export interface Recurrence {
  readonly name: string;
  /** How many indices an entry takes, the step count among them. */
  readonly arity: number;
  /** Which index (from 0) counts the steps: the one the first cases write as a number. */
  readonly position: number;
  /** The entry at count k, its other indices left as parameters; a DerivationError at `span` where there is none. */
  entryAt(k: number, span: Span): LetDefinition;
}

/** Steps a recurrence is unrolled past its first cases: each nests the terms one level deeper (docs/security.md). */
export const MAX_RECURRENCE_STEPS = 100;

/** Resolves a definition's body with its other index parameters, in the scope of the derivation. */
export type DefineEntry = (params: LetDecl['params'], body: Expr) => LetDefinition;

/** Builds a {@link Recurrence} from its `let` lines, in order. */
export class RecurrenceDefinition implements Recurrence {
  private readonly firstCases = new Map<number, LetDecl>();
  private step: LetDecl | undefined;
  private readonly entries = new Map<number, LetDefinition>();
  /** The counts being resolved now: a step that reads its own count or a later one would never end. */
  private readonly building = new Set<number>();

  constructor(readonly name: string, readonly arity: number, readonly position: number,
    private readonly file: string, private readonly define: DefineEntry) {}

  /** The position of the count in a first case `let h[0, i] = ...`: its one whole number; undefined for a step. */
  static countPosition(decl: LetDecl, file: string): number | undefined {
    const numbers = decl.params.flatMap((p, position) => (/^[0-9]+$/.test(p.name) ? [position] : []));
    if (numbers.length > 1) {
      throw new DerivationError(diagnostic('syntax', `a first case of a recurrence writes one index as a number, got ${numbers.length}`, file, decl.params[numbers[1]].span,
        'write the step count as a number and the other indices as names, e.g. let h[0, i] = 0'));
    }
    return numbers[0];
  }

  /** Adds a line: a first case (a number at the count's place) or the step (a name there, after the first cases). */
  add(decl: LetDecl): void {
    if (decl.params.length !== this.arity) {
      throw this.error(`${this.name} is defined with ${this.arity} index${this.arity === 1 ? '' : 'es'}, this line with ${decl.params.length}`, decl.nameSpan,
        `every line of a recurrence indexes ${this.name} the same way`);
    }
    const count = decl.params[this.position].name;
    if (/^[0-9]+$/.test(count)) {
      if (this.step) {
        throw this.error(`the first case ${this.name}[${count}] comes after the step of ${this.name}`, decl.params[this.position].span,
          'write the first cases of a recurrence before its step');
      }
      if (this.firstCases.has(Number(count))) {
        throw this.error(`${this.name}[${count}] is defined twice`, decl.params[this.position].span, 'each first case is written once');
      }
      if (RecurrenceDefinition.countPosition(decl, this.file) !== this.position) {
        throw this.error(`the first cases of ${this.name} write different indices as numbers`, decl.nameSpan, 'write the step count at the same place in every line');
      }
      this.firstCases.set(Number(count), decl);
      // Resolved now, so an error in it is reported at its line.
      this.entryAt(Number(count), decl.span);
      return;
    }
    if (this.step) throw this.error(`${this.name} is already declared`, decl.nameSpan, 'a recurrence has one step; pick another name for this definition');
    if (bindsName(decl.body, count)) {
      throw this.error(`the step count ${count} of ${this.name} is also bound in its body`, decl.body.span, 'rename the index of the sum in the body');
    }
    this.step = decl;
    // The first entry the step gives, resolved now so that an error in the step is reported at its line.
    this.entryAt(Math.max(...this.firstCases.keys()) + 1, decl.span);
  }

  entryAt(k: number, span: Span): LetDefinition {
    const known = this.entries.get(k);
    if (known) return known;
    const first = Math.min(...this.firstCases.keys());
    const last = Math.max(...this.firstCases.keys());
    const at = `${this.name}[${k}]`;
    if (!this.firstCases.has(k)) {
      if (k < first) throw this.error(`${at} comes before the first case ${this.name}[${first}] of the recurrence`, span, `read ${this.name} at ${first} or later`);
      if (!this.step) throw this.error(`${this.name} has no step yet: ${at} is none of its first cases`, span, `write the step of the recurrence, e.g. let ${this.name}[t] = ... ${this.name}[t - 1] ..., before reading ${at}`);
      if (k - last > MAX_RECURRENCE_STEPS) {
        throw new DerivationError(diagnostic('limit', `${at} is ${k - last} steps past the first cases of ${this.name}, more than ${MAX_RECURRENCE_STEPS}`, this.file, span,
          `derivcheck unrolls a recurrence at most ${MAX_RECURRENCE_STEPS} steps; check it at a smaller count`));
      }
      // Every earlier entry is kept before a step is resolved, so one it reads that is not kept is its own or a later one.
      if (this.building.size > 0) {
        const t = this.step.params[this.position].name;
        throw this.error(`the step of ${this.name} reads ${at} at ${t} = ${Math.max(...this.building)}: not an earlier entry`, this.step.body.span,
          `a recurrence reads earlier entries only, such as ${this.name}[${t} - 1]`);
      }
      // Earlier entries first, each once: the step at k then finds them kept, and no resolution nests k deep.
      for (let j = last + 1; j < k; j++) if (!this.entries.has(j) && !this.building.has(j)) this.entryAt(j, span);
    }
    const decl = this.firstCases.get(k) ?? this.step!;
    const params = decl.params.filter((_, position) => position !== this.position);
    // A step written ahead (let x_{k+1} = ... x_k ...) gives the entry k + 1 from its body at k.
    const count = decl.params[this.position];
    const body = this.firstCases.has(k) ? decl.body : withNumber(decl.body, count.name, k - (count.ahead ?? 0));
    this.building.add(k);
    try {
      const entry = this.define(params, body);
      const named = { ...entry, name: at };
      this.entries.set(k, named);
      return named;
    } finally {
      this.building.delete(k);
    }
  }

  private error(message: string, span: Span, hint: string): DerivationError {
    return new DerivationError(diagnostic('unsupported', message, this.file, span, hint));
  }
}

/** Whether the expression reads `name`, as a value or indexed. */
export function readsName(expr: Expr, name: string): boolean {
  if ((expr.kind === 'name' && expr.name === name) || (expr.kind === 'index' && expr.target.name === name)) return true;
  return exprChildren(expr).some((e) => readsName(e, name));
}

/** Whether the expression binds `name` as a sum's or product's index (`sum(t, ...)`). */
function bindsName(expr: Expr, name: string): boolean {
  if (expr.kind === 'call' && expr.args.length > 1 && expr.args[0].kind === 'name' && expr.args[0].name === name) return true;
  return exprChildren(expr).some((e) => bindsName(e, name));
}

/** The expression with the whole number k in for every `name` (the step count), where it was written. */
export function withNumber(expr: Expr, name: string, k: number): Expr {
  const go = (e: Expr): Expr => withNumber(e, name, k);
  switch (expr.kind) {
    // x_k, an entry written with the count as a subscript: x_3 (read as the entry x[3]).
    case 'name': return expr.name === name ? { kind: 'number', text: String(k), value: k, span: expr.span }
      : expr.name.endsWith(`_${name}`) && expr.name.length > name.length + 1 && k >= 0 ? { ...expr, name: `${expr.name.slice(0, -name.length)}${k}` } : expr;
    case 'index': return { ...expr, indices: expr.indices.map(go) };
    case 'subscript': return { ...expr, target: go(expr.target), indices: expr.indices.map(go) };
    case 'call': return { ...expr, args: expr.args.map(go) };
    case 'unary': return { ...expr, arg: go(expr.arg) };
    case 'transpose': return { ...expr, arg: go(expr.arg) };
    case 'binary': return { ...expr, left: go(expr.left), right: go(expr.right) };
    case 'array': return { ...expr, items: expr.items.map(go) };
    case 'range': return { ...expr, start: expr.start && go(expr.start), end: expr.end && go(expr.end) };
    default: return expr;
  }
}
