import type { Dim, DerivedDim } from './term.ts';

/**
 * Dimension arithmetic: `n - k + 1` in a type. A written dimension is read into
 * an integer combination of symbols plus a constant; a lone symbol stays a plain
 * symbol and a lone number a fixed size. A derived dimension is named by its
 * canonical text (positive terms first, then negative ones, each by name, then
 * the constant), so `1 + n - k` and `n - k + 1` are one dimension.
 */

/** Reads `n - k + 1`, `2*n`, `H - R + 1`; undefined when the text is not such a combination. */
export function readDimExpression(text: string): Dim | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return undefined;
  const coefs = new Map<string, number>();
  let constant = 0;
  const re = /([+-]?)(?:(\d+)\*)?([\p{L}][\p{L}\p{N}_]*|\d+)/uy;
  let at = 0;
  while (at < compact.length) {
    re.lastIndex = at;
    const m = re.exec(compact);
    if (!m || (at > 0 && m[1] === '')) return undefined;
    const sign = m[1] === '-' ? -1 : 1;
    const factor = m[2] === undefined ? 1 : Number(m[2]);
    if (/^\d+$/.test(m[3])) {
      if (m[2] !== undefined) return undefined;
      constant += sign * Number(m[3]);
    } else {
      coefs.set(m[3], (coefs.get(m[3]) ?? 0) + sign * factor);
    }
    at = re.lastIndex;
  }
  const terms = [...coefs].filter(([, c]) => c !== 0).map(([name, coef]) => ({ name, coef }));
  return dimOfForm({ terms, constant });
}

/** The dimension of an affine form: a fixed size, a plain symbol, or a derived symbol with its canonical name. */
export function dimOfForm(form: DerivedDim): Dim | undefined {
  if (form.terms.length === 0) return form.constant >= 1 ? { k: 'fixed', size: form.constant } : undefined;
  if (form.terms.length === 1 && form.terms[0].coef === 1 && form.constant === 0) return { k: 'sym', name: form.terms[0].name };
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const terms = [...form.terms.filter((t) => t.coef > 0).sort(byName), ...form.terms.filter((t) => t.coef < 0).sort(byName)];
  return { k: 'sym', name: formText({ terms, constant: form.constant }), derived: { terms, constant: form.constant } };
}

function formText(form: DerivedDim): string {
  let out = '';
  for (const { name, coef } of form.terms) {
    const size = Math.abs(coef);
    const body = size === 1 ? name : `${size}*${name}`;
    out += out === '' ? (coef < 0 ? `-${body}` : body) : coef < 0 ? ` - ${body}` : ` + ${body}`;
  }
  if (form.constant !== 0) out += form.constant < 0 ? ` - ${-form.constant}` : ` + ${form.constant}`;
  return out;
}

/** The size of a derived dimension at an assignment of its symbols. */
export function derivedSize(form: DerivedDim, sizes: ReadonlyMap<string, number>): number {
  return form.terms.reduce((n, t) => n + t.coef * (sizes.get(t.name) ?? NaN), form.constant);
}

/**
 * An assignment of the base symbols completed with every derived dimension's
 * size; undefined when one of them would be below 1 (an array of no entries).
 */
export function withDerivedSizes(
  sizes: ReadonlyMap<string, number>, derived: readonly { readonly name: string; readonly form: DerivedDim }[],
): Map<string, number> | undefined {
  const out = new Map(sizes);
  for (const d of derived) {
    const n = derivedSize(d.form, sizes);
    if (!(n >= 1)) return undefined;
    out.set(d.name, n);
  }
  return out;
}
