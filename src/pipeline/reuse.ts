import { createHash } from 'node:crypto';
import type { CheckOptions, DerivationResult, FileResult } from '../check/index.ts';
import type { Model } from '../model/index.ts';
import type { PreparedFile } from './check-text.ts';
import { checkInParallel, type ParallelOptions, type StepPlace } from './check-in-parallel.ts';

/**
 * Derivations checked by an earlier run in this process, kept to be reused by the
 * next run (`derivcheck check --watch`, a notebook re-run): a derivation whose
 * text did not change is not checked again.
 *
 * What a derivation's results depend on is its parsed text (statements,
 * expressions, their lines and columns, the file's path) and the options (seed,
 * trials, sizes, budget, derive): a step's seed is mixed from the run's seed and
 * the step's place in its derivation, never from other derivations, and a
 * derivation's names hold for its own lines only. The key is a hash of exactly
 * that, so a derivation edited, moved by a line, or checked with other options is
 * checked again. The engines themselves are not in the key: a store lives in one
 * process, with one version of them.
 */
export class CheckedDerivations {
  private kept = new Map<string, DerivationResult>();

  /**
   * The seed of runs given none: random, drawn at the first such run and kept, so
   * that the next run's keys can match (a new random seed would make every
   * derivation new).
   */
  seed: number | undefined;

  /** What the last run with this store checked and reused. */
  lastRun: ReuseCounts = { checkedDerivations: 0, checkedSteps: 0, reusedDerivations: 0, reusedSteps: 0 };

  /** How many derivations are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** @internal The key of a derivation's results under these options. */
  keyOf(model: Model, options: CheckOptions): string {
    const { seed, trials, sizes, budget, derive } = options;
    return createHash('sha256')
      .update(JSON.stringify({ seed, trials, sizes, budget, derive }))
      .update('\0')
      .update(JSON.stringify(model.derivation))
      .digest('hex');
  }

  /** @internal */
  get(key: string): DerivationResult | undefined {
    return this.kept.get(key);
  }

  /** @internal Keeps these results, and forgets every derivation not among them (one no longer in any file). */
  replaceWith(results: ReadonlyMap<string, DerivationResult>): void {
    this.kept = new Map(results);
  }

  /** Forgets every derivation: the next run checks everything. */
  clear(): void {
    this.kept.clear();
  }
}

/** What a run with a {@link CheckedDerivations} store did: derivations and steps checked, and those reused. */
export interface ReuseCounts {
  readonly checkedDerivations: number;
  readonly checkedSteps: number;
  readonly reusedDerivations: number;
  readonly reusedSteps: number;
}

const stepsOf = (model: Model): number => model.claims.reduce((n, c) => n + c.steps.length, 0);

/**
 * {@link checkInParallel} for the derivations the store does not hold; the others'
 * results are taken from it. The result is what checkInParallel would give for
 * all of them, since each derivation's results depend on its key alone. What it
 * checked and reused is left in `store.lastRun`.
 */
export function checkReusing(files: readonly PreparedFile[], store: CheckedDerivations, options: ParallelOptions & { readonly seed: number }): FileResult[] {
  const keys = files.map((file) => file.models.map((model) => store.keyOf(model, options)));
  // The models to check, file by file, with where each stands in the whole run (for the progress and the watchdog).
  const toCheck: PreparedFile[] = [];
  const placeOf: { file: number; derivations: number[] }[] = [];
  let checkedSteps = 0;
  let reusedSteps = 0;
  let reusedDerivations = 0;
  files.forEach((file, f) => {
    if (file.error) return;
    const models: Model[] = [];
    const derivations: number[] = [];
    file.models.forEach((model, d) => {
      if (store.get(keys[f][d]) !== undefined) {
        reusedDerivations++;
        reusedSteps += stepsOf(model);
        return;
      }
      models.push(model);
      derivations.push(d);
      checkedSteps += stepsOf(model);
    });
    if (models.length > 0) {
      toCheck.push({ path: file.path, models, error: null });
      placeOf.push({ file: f, derivations });
    }
  });
  const onStepPlaced = options.onStepPlaced;
  const checked = checkInParallel(toCheck, {
    ...options,
    onStepPlaced: onStepPlaced && ((done, place: StepPlace) => {
      const where = placeOf[place.file];
      onStepPlaced(done, { ...place, file: where.file, derivation: where.derivations[place.derivation] });
    }),
  });
  const fresh = new Map<string, DerivationResult>();
  checked.forEach((result, i) => {
    const { file, derivations } = placeOf[i];
    result.derivations.forEach((derivation, j) => fresh.set(keys[file][derivations[j]], derivation));
  });
  const kept = new Map<string, DerivationResult>();
  const results = files.map((file, f): FileResult => {
    if (file.error) return { path: file.path, error: file.error.diagnostic, derivations: [] };
    const derivations = keys[f].map((key) => {
      const result = fresh.get(key) ?? store.get(key)!;
      kept.set(key, result);
      return result;
    });
    return { path: file.path, error: null, derivations };
  });
  store.replaceWith(kept);
  const checkedDerivations = placeOf.reduce((n, p) => n + p.derivations.length, 0);
  store.lastRun = { checkedDerivations, checkedSteps, reusedDerivations, reusedSteps };
  return results;
}
