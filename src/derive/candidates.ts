import type { Dim, FreeIndex, Input, LetDefinition } from '../model/index.ts';

/**
 * What a candidate may be built from: the derivation's own names with their
 * shapes, so that every candidate reads in the derivation's terms.
 */
export interface Vocabulary {
  /** Inputs and definitions, with one dimension per index (none for a scalar). */
  readonly names: readonly NamedValue[];
  /** Label inputs: `y` of `label[C]` or `label[N, C]`, whose entries are class indices. */
  readonly labels: readonly Input[];
  /** Dimension symbols, usable as values (`/ N`). */
  readonly sizes: readonly string[];
}

export interface NamedValue {
  /** How it is written: `s`, `A1`, `onehot(y, C)`. */
  readonly text: string;
  readonly dims: readonly Dim[];
  /** A definition rather than an input: preferred, since it is the derivation's own vocabulary. */
  readonly defined: boolean;
}

/** The names a derivation declares, as a vocabulary. `exclude` leaves out the function being differentiated. */
export function vocabularyOf(inputs: readonly Input[], definitions: readonly LetDefinition[], dims: readonly string[], exclude: ReadonlySet<string>): Vocabulary {
  const names: NamedValue[] = [];
  const labels: Input[] = [];
  for (const input of inputs) {
    if (exclude.has(input.name)) continue;
    if (input.kind === 'label') {
      labels.push(input);
      // A label per row reads as its one-hot matrix in matrix notation.
      if (input.dims.length === 1 && input.classes) {
        const classes = input.classes.k === 'sym' ? input.classes.name : String(input.classes.size);
        names.push({ text: `onehot(${input.name}, ${classes})`, dims: [input.dims[0], input.classes], defined: false });
      }
      continue;
    }
    names.push({ text: input.name, dims: input.dims, defined: false });
  }
  for (const d of definitions) {
    if (exclude.has(d.name) || d.paramDims.some((x) => x === undefined)) continue;
    names.push({ text: d.name, dims: d.paramDims as Dim[], defined: true });
  }
  return { names, labels, sizes: dims };
}

const sameDim = (a: Dim, b: Dim): boolean => (a.k === 'sym' ? b.k === 'sym' && a.name === b.name : b.k === 'fixed' && a.size === b.size);

/**
 * Every way to index a name with the free indices (each position by an index of
 * its range) or with the fixed indices the target writes (`1`, `n`, `t[i]`),
 * whose range is left to the resolver to check.
 */
function indexings(dims: readonly Dim[], free: readonly FreeIndex[], fixed: readonly string[] = []): string[][] {
  let out: string[][] = [[]];
  for (const dim of dims) {
    const fits = [...free.filter((f) => sameDim(f.dim, dim)).map((f) => f.name), ...fixed];
    out = out.flatMap((prefix) => fits.map((name) => [...prefix, name]));
  }
  return out;
}

/**
 * Candidates for a scalar derivative with free indices `free`, in index
 * notation: the textbook shapes `a`, `-a`, `a - b`, `a * b`, `a * (b - c)`,
 * `(a - b) / N`, ... over leaves that are the derivation's names indexed by the
 * free indices, deltas between free indices, and label indicators. Many are
 * false; the caller keeps only those it proves.
 */
export function indexCandidates(vocabulary: Vocabulary, free: readonly FreeIndex[], fixed: readonly string[] = []): string[] {
  const leaves: string[] = [];
  for (const named of vocabulary.names) {
    if (named.text.includes('(')) continue;
    if (named.dims.length === 0) { leaves.push(named.text); continue; }
    for (const at of indexings(named.dims, free, fixed)) leaves.push(`${named.text}[${at.join(', ')}]`);
  }
  for (let a = 0; a < free.length; a++) {
    for (let b = a + 1; b < free.length; b++) if (sameDim(free[a].dim, free[b].dim)) leaves.push(`delta(${free[a].name}, ${free[b].name})`);
  }
  for (const label of vocabulary.labels) {
    const classes = label.classes;
    if (!classes) continue;
    const classIndices = free.filter((f) => sameDim(f.dim, classes)).map((f) => f.name);
    const rows = label.dims.length === 0 ? [''] : indexings(label.dims, free).map((at) => `[${at.join(', ')}]`);
    for (const c of classIndices) for (const row of rows) leaves.push(`delta(${c}, ${label.name}${row})`);
  }
  const operands = [...leaves, '1'];
  const out = new Set<string>(['0', '1', '-1']);
  const divisors = vocabulary.sizes;
  for (const a of leaves) {
    out.add(a);
    out.add(`-${a}`);
    for (const d of divisors) out.add(`${a} / ${d}`);
  }
  for (const a of leaves) {
    for (const b of operands) {
      if (a === b) continue;
      out.add(`${a} - ${b}`);
      out.add(`${a} + ${b}`);
      out.add(`${a} * ${b}`);
      out.add(`-${a} * ${b}`);
      if (b !== '1') {
        out.add(`${a} / ${b}`);
        out.add(`-${a} / ${b}`);
      }
      for (const d of divisors) out.add(`(${a} - ${b}) / ${d}`);
    }
  }
  // ReLU's derivative: a * (b > 0).
  for (const a of leaves) for (const b of leaves) if (!b.startsWith('delta(')) out.add(`${a} * (${b} > 0)`);
  // Three leaves: a * (b - c), a * (b + c), a * b - c. Bounded, since this grows as the cube.
  if (operands.length <= MAX_LEAVES_FOR_THREE) {
    for (const a of leaves) {
      for (const b of operands) {
        for (const c of operands) {
          if (b === c) continue;
          out.add(`${a} * (${b} - ${c})`);
          out.add(`-${a} * (${b} - ${c})`);
          if (a !== b && a !== c && b !== '1' && c !== '1') out.add(`${a} * ${b} - ${c}`);
        }
      }
    }
  }
  return [...out];
}

/** Beyond this many leaves, three-leaf shapes are not tried (about 2 * 14^3 candidates at most). */
const MAX_LEAVES_FOR_THREE = 14;

/** A matrix-notation expression and its shape: rows and columns (a vector is a column). */
interface Shaped {
  readonly text: string;
  readonly rows: Dim;
  readonly cols: Dim | undefined;
  /** Atomic: can take a transpose without brackets. */
  readonly atomic: boolean;
}

const ONE: Dim = { k: 'fixed', size: 1 };

/**
 * Candidates for an array-valued derivative (`grad(L, W)`) of the given shape,
 * in matrix notation: `U`, `U'`, `U' * V`, `U * V'`, `U * V`, `(U - V)`,
 * `sum(U, 1)`, each possibly divided by a size, over the derivation's arrays
 * and their differences. Shapes are checked here, so only well-shaped ones are tried.
 */
export function matrixCandidates(vocabulary: Vocabulary, shape: readonly Dim[]): string[] {
  const arrays: Shaped[] = vocabulary.names
    .filter((n) => n.dims.length === 1 || n.dims.length === 2)
    .map((n) => ({ text: n.text, rows: n.dims[0], cols: n.dims[1], atomic: true }));
  const fits = (s: Shaped): boolean => shape.length === 2
    ? s.cols !== undefined && sameDim(s.rows, shape[0]) && sameDim(s.cols, shape[1])
    : sameDim(s.rows, shape[0]) && (s.cols === undefined || sameDim(s.cols, ONE));
  const transpose = (s: Shaped): Shaped | undefined => (s.cols === undefined ? undefined
    : { text: s.atomic ? `${s.text}'` : `(${s.text})'`, rows: s.cols, cols: s.rows, atomic: true });
  const differences: Shaped[] = [];
  for (const u of arrays) {
    for (const v of arrays) {
      if (u === v || !sameDim(u.rows, v.rows) || (u.cols === undefined) !== (v.cols === undefined)) continue;
      if (u.cols && v.cols && !sameDim(u.cols, v.cols)) continue;
      differences.push({ text: `(${u.text} - ${v.text})`, rows: u.rows, cols: u.cols, atomic: true });
    }
  }
  const operands = [...arrays, ...differences];
  const products: Shaped[] = [];
  const oriented = operands.flatMap((o) => [o, transpose(o)].filter((x): x is Shaped => x !== undefined));
  for (const u of oriented) {
    if (u.cols === undefined) continue;
    for (const v of oriented) {
      if (u === v || !sameDim(u.cols, v.rows)) continue;
      products.push({ text: `${u.text} * ${v.text}`, rows: u.rows, cols: v.cols, atomic: false });
    }
  }
  const reductions: Shaped[] = shape.length === 1 ? arrays.flatMap((a) => a.cols === undefined ? [] : [
    { text: `sum(${a.text}, 1)`, rows: a.cols, cols: undefined, atomic: true },
    { text: `sum(${a.text}, 2)`, rows: a.rows, cols: undefined, atomic: true },
  ]) : [];
  // Jacobians of vector functions: outer products u * v', and for a square shape diag(v) and the softmax
  // Jacobian's diag(v) - v * v'.
  const vectors = arrays.filter((a) => a.cols === undefined);
  if (shape.length === 2) {
    for (const u of vectors) {
      for (const v of vectors) {
        if (sameDim(u.rows, shape[0]) && sameDim(v.rows, shape[1])) products.push({ text: `${u.text} * ${v.text}'`, rows: u.rows, cols: v.rows, atomic: false });
      }
    }
    if (sameDim(shape[0], shape[1])) {
      for (const v of vectors.filter((x) => sameDim(x.rows, shape[0]))) {
        products.push({ text: `diag(${v.text})`, rows: v.rows, cols: v.rows, atomic: true });
        products.push({ text: `diag(${v.text}) - ${v.text} * ${v.text}'`, rows: v.rows, cols: v.rows, atomic: false });
      }
    }
  }
  const out = new Set<string>();
  const differenceTexts = new Set(differences.map((d) => d.text));
  // ReLU's derivative masks a gradient entry by entry: U .* (V > 0) for an array V of the same shape.
  const masks = arrays.filter(fits).map((v) => `(${v.text} > 0)`);
  for (const s of [...oriented, ...products, ...reductions]) {
    if (!fits(s)) continue;
    out.add(differenceTexts.has(s.text) ? s.text.slice(1, -1) : s.text);
    const operand = s.atomic ? s.text : `(${s.text})`;
    for (const d of vocabulary.sizes) out.add(`${operand} / ${d}`);
    for (const mask of masks) out.add(`${operand} .* ${mask}`);
  }
  return [...out];
}

/**
 * How long a form reads: names, numbers and operators counted once each
 * (`s[k] - y[k]` is 5, `A1' * dZ2` is 4). The simplest correct form is the shortest.
 */
export function formSize(text: string): number {
  return (text.match(/[\p{L}_][\p{L}\p{N}_]*|\d+(\.\d+)?|\.\*|\.\/|[-+*/^']/gu) ?? []).length;
}

/**
 * The indices a target writes that are not free: literals and dimension symbols
 * (`1` in `diff(s[1], x[1])`, `n` in `sigma[n]`) and label entries (`t[i]`).
 */
export function fixedIndices(targetText: string, free: readonly FreeIndex[]): string[] {
  const found = new Set<string>();
  for (const match of targetText.matchAll(/\[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]/g)) {
    for (const part of splitTopLevel(match[1])) {
      const index = part.trim();
      if (index !== '' && !free.some((f) => f.name === index)) found.add(index);
    }
  }
  return [...found];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[' || text[i] === '(') depth++;
    else if (text[i] === ']' || text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts;
}
