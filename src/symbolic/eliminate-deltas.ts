import { mapChildren, mul, substituteIndices, type Index, type Term } from '../model/index.ts';

/**
 * sum(j, f(j) * delta(j, a)) = f(a), wherever a sum's body is a product with a
 * delta on its own index: what differentiating a sum leaves behind
 * (d/dx[k] sum(j, exp(x[j])) = sum(j, exp(x[j]) * delta(j, k))). Sound for any a
 * in the index's range, which the model guarantees; it spares the concrete
 * engine writing out n terms to keep one.
 */
export function eliminateDeltas(term: Term): Term {
  const t = mapChildren(term, eliminateDeltas);
  if (t.k !== 'sum') return t;
  const factors = t.body.k === 'mul' ? t.body.factors : [t.body];
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i];
    if (f.k !== 'icmp' || f.op !== '==') continue;
    const other = otherSide(f.a, f.b, t.index);
    if (other === undefined) continue;
    const rest = [...factors.slice(0, i), ...factors.slice(i + 1)];
    return substituteIndices(mul(...rest), new Map([[t.index, other]]));
  }
  return t;
}

function otherSide(a: Index, b: Index, index: string): Index | undefined {
  const isIt = (i: Index) => i.k === 'var' && i.name === index && i.offset === 0;
  if (isIt(a) && !isIt(b) && !mentions(b, index)) return b;
  if (isIt(b) && !isIt(a) && !mentions(a, index)) return a;
  return undefined;
}

function mentions(i: Index, index: string): boolean {
  return (i.k === 'var' && i.name === index) || (i.k === 'label' && i.indices.some((x) => mentions(x, index)));
}
