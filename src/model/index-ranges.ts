import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Span } from '../syntax/index.ts';
import { readDimExpression } from './dim-arithmetic.ts';
import type { Dim } from './term.ts';

/**
 * An index variable used over two different dimensions: `dims[0]` is the one it
 * already had (from the claim, or earlier in the expression), `dims[1]` the one
 * the new use gives it. A user error (`index-range`), but one a check can read:
 * a step that uses the claim's j over a shorter dimension has no value there.
 */
export class IndexRangeConflict extends DerivationError {
  constructor(diagnostic: ConstructorParameters<typeof DerivationError>[0], readonly index: string, readonly dims: readonly [Dim, Dim]) {
    super(diagnostic);
  }
}

/**
 * Which dimension each index variable ranges over, found by union-find: `x[i]`
 * with `x: vector[n]` puts i with n; `delta(i, k)` puts i with k. Two different
 * dimensions meeting in one class is an error (i used for both n and m).
 */
export class IndexRanges {
  private readonly parent = new Map<string, string>();
  private readonly dims = new Map<string, Dim>();

  static dimNode(dim: Dim): string {
    return dim.k === 'sym' ? `dim:${dim.name}` : `fixed:${dim.size}`;
  }

  private find(node: string): string {
    let root = node;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    if (!this.parent.has(node)) this.parent.set(node, node);
    this.parent.set(node, root);
    return root;
  }

  private dimOfNode(node: string): Dim | undefined {
    // A derived dimension's name is its canonical text, which reads back to the same form.
    if (node.startsWith('dim:')) return readDimExpression(node.slice(4)) ?? { k: 'sym', name: node.slice(4) };
    if (node.startsWith('fixed:')) return { k: 'fixed', size: Number(node.slice(6)) };
    return undefined;
  }

  union(a: string, b: string, span: Span | undefined, file: string, what: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const da = this.dims.get(ra) ?? this.dimOfNode(ra);
    const db = this.dims.get(rb) ?? this.dimOfNode(rb);
    if (da && db && IndexRanges.dimNode(da) !== IndexRanges.dimNode(db)) {
      const show = (d: Dim) => (d.k === 'sym' ? d.name : String(d.size));
      const name = what.split('#')[0];
      throw new IndexRangeConflict(diagnostic('index-range',
        `the index ${name} would range over both ${show(da)} and ${show(db)}`, file, span,
        'use a different index name for each dimension'), name, [da, db]);
    }
    this.parent.set(ra, rb);
    const dim = da ?? db;
    if (dim) this.dims.set(rb, dim);
  }

  /** The dimension a variable or dimension node ranges over, if known. */
  dimOf(node: string): Dim | undefined {
    const root = this.find(node);
    return this.dims.get(root) ?? this.dimOfNode(root);
  }
}
