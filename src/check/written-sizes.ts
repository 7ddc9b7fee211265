import { buildModel, MAX_DETERMINANT_SIZE, MAX_FUNCTION_ORDER, type Model, type ModelClaim } from '../model/index.ts';
import { isExpected, type StepDetail, type StepResult } from './results.ts';

/**
 * Steps with `det`, `inv` or `logdet` of an n×n matrix. No index-notation form of
 * the determinant holds for every n, so such a step is decided at each size
 * tried: the derivation's model is built again with n fixed at that size (det
 * written out by Laplace expansion, inv as the adjugate over det), the step is
 * checked there as at a fixed size, and the results are merged into one verdict
 * for the sizes tried. Sizes above the largest written-out determinant are not tried.
 */

const models = new WeakMap<Model, Map<string, Model>>();

/** The model of the same derivation built at one size assignment (cached per model, so each size is built once). */
export function modelAtSizes(model: Model, sizes: ReadonlyMap<string, number>): Model {
  let bySize = models.get(model);
  if (!bySize) models.set(model, (bySize = new Map()));
  const key = [...sizes].map(([k, v]) => `${k}=${v}`).join(',');
  let built = bySize.get(key);
  if (!built) bySize.set(key, (built = buildModel(model.derivation, undefined, sizes)));
  return built;
}

/** Whether step `s` of a claim, or the expression it is compared with, could not be read. */
export function lacksTerm(claim: ModelClaim, s: number): boolean {
  return claim.steps[s].term === undefined || (s === 0 ? claim.head === undefined : claim.steps[s - 1].term === undefined);
}

/** The same claim in a model of the same derivation built at another size. */
export function sameClaim(model: Model, claim: ModelClaim): ModelClaim | undefined {
  return model.claims.find((c) => c.claim === claim.claim);
}

/**
 * One verdict from a step's results at each size (smallest first): the first
 * refutation or error stands (its counterexample names its size); proved at every
 * size is proved at the sizes tried; otherwise verified. `describe` writes a list
 * of size assignments as a method does (`n = 1, 2, 3`).
 */
export function mergedOverSizes(
  results: readonly StepResult[], skipped: readonly ReadonlyMap<string, number>[], describe: (sizes: readonly ReadonlyMap<string, number>[]) => string,
): StepResult {
  const decisive = results.find((r) => r.verdict === 'refuted') ?? results.find((r) => r.verdict === 'error');
  const tried = results.flatMap((r) => r.detail.sizes);
  const trials = results.reduce((n, r) => n + r.detail.trials, 0);
  const sizesText = describe(tried.map((s) => new Map(Object.entries(s))));
  const notTried = skipped.length === 0 ? '' : `; not decided at ${describe(skipped)}: too large to write out (det above ${MAX_DETERMINANT_SIZE}×${MAX_DETERMINANT_SIZE}, or 3×3 of compound entries; a derivative above order ${MAX_FUNCTION_ORDER}) or no value anywhere there`;
  const written = `written out at each size${notTried}`;
  // An error before any method ran (a line that cannot be read) has no size to name.
  if (decisive) return decisive.method === 'none' ? decisive : { ...decisive, method: `${decisive.method} (written out at that size)` };
  const worstRelative = Math.max(...results.map((r) => r.detail.worstRelative ?? 0));
  const first = results[0];
  const merged: StepDetail = {
    ...first.detail, trials, sizes: tried, ...(worstRelative > 0 ? { worstRelative } : {}),
    ...withFirst(results, 'undecided'), ...withFirst(results, 'kink'), ...withFirst(results, 'removable'),
  };
  const numbers = `${trials} random input${trials === 1 ? '' : 's'} at ${sizesText}, finite differences with Richardson extrapolation`;
  if (results.every((r) => r.verdict === 'proved')) {
    return { ...first, verdict: 'proved', proof: 'sizes-tried', method: `exact canonical form at ${sizesText} (${written}); confirmed on ${numbers}`, detail: merged };
  }
  const proved = results.filter((r) => r.verdict === 'proved').flatMap((r) => r.detail.sizes);
  const exactly = proved.length === 0 ? '' : `; exact canonical form at ${describe(proved.map((s) => new Map(Object.entries(s))))}`;
  return { ...first, verdict: 'verified', proof: undefined, ok: isExpected('verified', first.expect), method: `${numbers}${exactly} (${written})`, detail: merged };
}

/** The first result's value of a detail field that some result has. */
function withFirst<K extends 'undecided' | 'kink' | 'removable'>(results: readonly StepResult[], key: K): Partial<Pick<StepDetail, K>> {
  const found = results.find((r) => r.detail[key] !== undefined);
  return found ? ({ [key]: found.detail[key] } as Partial<Pick<StepDetail, K>>) : {};
}
