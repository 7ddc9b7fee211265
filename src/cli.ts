/**
 * The `derivcheck` command: a thin shell over the library. It reads arguments,
 * shows progress on a terminal, prints a report and sets the exit status:
 * 0 when every verdict is as expected, 1 otherwise, 2 for unusable arguments.
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import packageJson from '../package.json' with { type: 'json' };
import { CheckedDerivations, checkFiles, collectDerivationFiles, countStep, defaultJobs, derive, emptySummary, DerivationError, formatDiagnostic, OPTION_RANGES, PathError, renderTerminal, toJsonReport, type CheckReport } from './index.ts';
import { escapeControl, stepJson, toJsonText } from './report/index.ts';
import { systemErrorWords, watchPaths } from './pipeline/index.ts';
import { renderHtmlReport } from './report/html/index.ts';
import { renderMarkdown } from './report/markdown/index.ts';

const USAGE = `usage: derivcheck check <files or folders...> [options]
       derivcheck derive <file> (--at LINE | 'EXPRESSION') [--json]

check:  proves or refutes every step of the derivations in .deriv files
        (folders are searched recursively for *.deriv).
derive: what a derivative should be, in the file's own names, proved:
        --at 12 derives the expression on line 12 (or its claim's);
        'grad(L, W2)' derives an expression written in the file's context.

options:
  --json          print the report as JSON (docs/json-report.md) instead of text
  --html FILE     also write the report as one standalone HTML page (opens offline)
  --markdown FILE also write the report as Markdown with LaTeX ($$ ... $$)
  --seed S        the run's seed (an integer); the same seed replays a run exactly. Default: random
  --trials N      random inputs per step, at every size (at least 1); a step an exact engine
                  proved gets a quarter of them, at the 3 smallest sizes and the largest,
                  as a cross-check. Default: 100
  --sizes LIST    sizes tried for each dimension symbol, e.g. 1,2,3,10. Default: 1,2,3,4,5,8
  --verbose       show every step's evidence (method, scope, inputs tried), not only for refuted
                  and error steps
  --timeout S     stop the whole run after S seconds, a last guard against a file that
                  takes too long (docs/security.md), reporting every step checked
                  before it; exit status 143. Default: 900
  --jobs N        threads checking steps at once; the report is the same for any N.
                  Default: the cores less one, at least 1 (${defaultJobs()} here: V8's collector
                  and compiler take a core of their own)
  --watch         check, then check again after every save of a .deriv file, until Ctrl-C:
                  a derivation whose text did not change keeps its results, so a save
                  costs the derivations it edited (--html and --markdown are rewritten
                  each time; not with --json). Exit status: the last run's
  --no-color      plain text, even on a terminal (NO_COLOR does the same)
  -h, --help      this text
  --version       the version
  --at LINE       (derive) the line whose derivative to derive

exit status: 0 every verdict as expected, 1 some verdict not as expected, 2 unusable arguments,
143 the run passed --timeout`;

class UsageError extends Error {}

/** The one line after a usage error: the whole usage would bury the message. */
const HELP_HINT = "run 'derivcheck --help' for the options";

function integer(value: string | undefined, name: string, { min, max }: { readonly min: number; readonly max: number }): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

function sizes(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  const { min, max } = OPTION_RANGES.size;
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < min || Number(p) > max)) {
    throw new UsageError(`--sizes must be a comma-separated list of sizes from ${min} to ${max}, got '${value}'`);
  }
  return parts.map(Number);
}

/** Where the command writes: process.stdout and process.stderr, or a test's stand-ins. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The options whose value may be a negative number, for {@link withNegativeValues}. */
const NUMERIC_OPTIONS = new Set(['--seed', '--trials', '--timeout', '--jobs']);

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes -1 for an option and calls the value ambiguous; the range check then says
 * what a seed may be (probe 67: Node's message asked for `--seed=-XYZ`).
 */
function withNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (NUMERIC_OPTIONS.has(argv[i]) && i + 1 < argv.length && /^-[\d.]/.test(argv[i + 1])) {
      out.push(`${argv[i]}=${argv[i + 1]}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

export function main(argv: readonly string[], out: Output = process.stdout, err: Output = process.stderr): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withNegativeValues(argv), allowPositionals: true, strict: true,
      options: {
        json: { type: 'boolean' }, html: { type: 'string' }, markdown: { type: 'string' }, seed: { type: 'string' }, trials: { type: 'string' }, sizes: { type: 'string' }, timeout: { type: 'string' },
        jobs: { type: 'string' }, 'no-color': { type: 'boolean' }, verbose: { type: 'boolean' }, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, at: { type: 'string' },
      },
    });
  } catch (error) {
    err.write(`derivcheck: ${(error as Error).message}\n${HELP_HINT}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { out.write(`${USAGE}\n`); return 0; }
  if (values.version) { out.write(`derivcheck ${packageJson.version}\n`); return 0; }
  const [command, ...paths] = positionals;
  try {
    if (command === 'derive') return deriveCommand(paths, values.at, values.json === true, out, err);
    if (command !== 'check') throw new UsageError(command === undefined ? 'a command is missing' : `unknown command '${command}'`);
    if (paths.length === 0) throw new UsageError('name at least one .deriv file or folder, e.g. derivcheck check derivations/');
    // --at names the line derive reads: to check, it would be ignored, and a run that ignores what it was told is refused.
    if (values.at !== undefined) throw new UsageError('--at belongs to derive (derivcheck derive FILE --at LINE): check reads every step of its files');
    const options = {
      // fast-check seeds are 32-bit: a wider range would make different seeds replay the same run.
      seed: integer(values.seed, 'seed', OPTION_RANGES.seed), trials: integer(values.trials, 'trials', OPTION_RANGES.trials),
      sizes: sizes(values.sizes), jobs: integer(values.jobs, 'jobs', OPTION_RANGES.jobs) ?? defaultJobs(),
    };
    // A report that cannot be written is refused now, not after a long run.
    for (const option of OUTPUT_OPTIONS) assertWritable(values[option], option);
    const timeout = integer(values.timeout, 'timeout', { min: 1, max: 86_400 }) ?? DEFAULT_TIMEOUT_SECONDS;
    const run: RunSettings = { paths, options, timeout, json: values.json === true, verbose: values.verbose === true, noColor: values['no-color'] === true, html: values.html, markdown: values.markdown };
    if (values.watch) {
      if (values.json) throw new UsageError('--watch prints the text report again after every save, not JSON: drop --json (--html FILE or --markdown FILE keep a report file up to date)');
      // The paths are read now, so that a wrong one is a usage error (exit status 2) before anything is watched.
      collectDerivationFiles(paths);
      return watchCommand(run, out, err);
    }
    return checkOnce(run, out, err);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError) {
      err.write(`derivcheck: ${error.message}\n${error instanceof UsageError ? `${HELP_HINT}\n` : ''}`);
      return 2;
    }
    const io = outputError(error);
    if (io) {
      err.write(`derivcheck: ${io.message}\nhint: ${io.hint}\n`);
      return 2;
    }
    throw error;
  }
}

/** What one check of the command line runs with. */
interface RunSettings {
  readonly paths: readonly string[];
  readonly options: { readonly seed?: number; readonly trials?: number; readonly sizes?: number[]; readonly jobs: number };
  readonly timeout: number;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly noColor: boolean;
  readonly html: string | undefined;
  readonly markdown: string | undefined;
}

/** One run: check, print the report, write the report files; the exit status. */
function checkOnce(run: RunSettings, out: Output, err: Output, reuse?: CheckedDerivations): number {
  const progress = err.isTTY && !run.json ? new Progress(err) : undefined;
  let report: CheckReport;
  const watchdog = startWatchdog(run.timeout, run.json);
  // What the run has checked so far, for the watchdog to report if the run passes its time limit.
  const done = emptySummary();
  try {
    report = checkFiles(run.paths, {
      ...run.options,
      reuse,
      onFile: (path, total) => progress?.file(path, total),
      onStepPlaced: (result, place) => {
        progress?.step();
        countStep(done, result);
        watchdog.postMessage({ counts: done, step: { place, ok: result.ok, json: stepJson(result) } });
      },
    });
  } finally {
    void watchdog.terminate();
    progress?.done();
  }
  const color = out.isTTY === true && !run.noColor && !process.env.NO_COLOR;
  out.write(run.json ? `${toJsonText(report)}\n` : renderTerminal(report, { color, verbose: run.verbose }));
  if (run.html) writeReport(run.html, 'html', () => renderHtmlReport(report));
  if (run.markdown) writeReport(run.markdown, 'markdown', () => renderMarkdown(report));
  return report.summary.unexpected === 0 ? 0 : 1;
}

/**
 * `--watch`: check, then check again after every save, until Ctrl-C. A derivation
 * whose text did not change is not checked again (its results are kept from the
 * last run: CheckedDerivations), and the process stays warm, so a save that
 * edits one derivation costs that derivation's check. A run that cannot be made
 * (a folder emptied, a report file that cannot be written) is said and the watch
 * goes on. Ends with the last run's status (0 when every verdict was as expected).
 */
async function watchCommand(run: RunSettings, out: Output, err: Output): Promise<number> {
  const store = new CheckedDerivations();
  const clear = out.isTTY === true;
  let status = 2;
  const once = (why: string): void => {
    if (clear) out.write('\u001b[2J\u001b[H');
    else if (why !== '') out.write(`\n--- ${why} ---\n`);
    const started = performance.now();
    try {
      status = checkOnce(run, out, err, store);
    } catch (error) {
      const problem = error instanceof PathError ? error : outputError(error);
      if (!problem) throw error;
      err.write(`derivcheck: ${problem.message}\n${problem instanceof OutputError ? `hint: ${problem.hint}\n` : ''}`);
      status = 2;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const { checkedDerivations, checkedSteps, reusedDerivations, reusedSteps } = store.lastRun;
    const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    err.write(`watching (seed ${run.options.seed ?? store.seed}): ${counted(checkedDerivations, 'derivation')} (${counted(checkedSteps, 'step')}) checked in ${seconds} s, `
      + `${counted(reusedDerivations, 'derivation')} (${counted(reusedSteps, 'step')}) unchanged; Ctrl-C to stop\n`);
  };
  once('');
  let watch;
  try {
    watch = watchPaths(run.paths, () => once(`${new Date().toLocaleTimeString()}: a change`), {
      onError: (path, error) => err.write(`derivcheck: the watch on ${path} failed: ${error.message}\n`),
    });
  } catch (error) {
    err.write(`derivcheck: cannot watch: ${(error as Error).message}\n`);
    return 2;
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  watch.close();
  return status;
}

/** `derivcheck derive FILE --at LINE` or `derivcheck derive FILE 'EXPRESSION'`: 0 when a form is found, 1 when none, 2 for bad arguments. */
function deriveCommand(args: readonly string[], at: string | undefined, json: boolean, out: Output, err: Output): number {
  const [path, expression, ...rest] = args;
  if (path === undefined) throw new UsageError('name a .deriv file, e.g. derivcheck derive derivations/001-softmax-log-trick.deriv --at 146');
  if (rest.length > 0 || (expression === undefined) === (at === undefined)) {
    throw new UsageError("give either --at LINE or one expression to derive, e.g. 'grad(L, W2)'");
  }
  if (expression !== undefined && expression.trim() === '') throw new UsageError("the expression to derive is empty: write one, e.g. 'grad(L, W2)'");
  let content: Uint8Array;
  try {
    content = readFileSync(path);
  } catch (error) {
    err.write(`derivcheck: cannot read ${path}: ${systemErrorWords(error)}\n`);
    return 2;
  }
  const target = at !== undefined ? { line: integer(at, 'at', { min: 1, max: 10_000_000 })! } : { expression: expression! };
  try {
    const found = derive(new TextDecoder().decode(content), target, { path });
    if (json) {
      out.write(`${JSON.stringify({ file: found.file, derivation: found.derivation, line: found.line ?? null, target: found.target, forms: found.forms }, null, 2)}\n`);
    } else {
      out.write(`${found.file}${found.line === undefined ? '' : `:${found.line}`}: ${found.target}   (in "${found.derivation}")\n`);
      for (const form of found.forms) out.write(`  = ${form.text}   ${form.notation} form, ${derivedProofText(form.proof)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DerivationError) {
      err.write(`derivcheck: ${formatDiagnostic(error.diagnostic)}\n`);
      return 1;
    }
    throw error;
  }
}

function derivedProofText(proof: 'every-n' | 'sizes-tried' | 'numeric'): string {
  return proof === 'every-n' ? 'proved for every n' : proof === 'sizes-tried' ? 'proved at sizes 1 to 3' : 'only verified numerically (no proof found)';
}

/** The options that name a file the command writes. */
const OUTPUT_OPTIONS = ['html', 'markdown'] as const;

/** An output file that cannot be written: an `io` error, exit status 2, no stack trace. */
class OutputError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** Throws an OutputError unless `path` can be created or overwritten as a file. */
function assertWritable(path: string | undefined, option: string): void {
  if (path === undefined) return;
  const what = `io error: cannot write --${option} ${path}`;
  const target = resolve(path);
  const existing = statIfAny(target);
  if (existing?.isDirectory()) throw new OutputError(`${what}: it is a folder`, 'name a file, e.g. report.html');
  const folder = dirname(target);
  const parent = statIfAny(folder);
  if (!parent) throw new OutputError(`${what}: the folder ${folder} does not exist`, 'create the folder first, or name a file in a folder that exists');
  if (!parent.isDirectory()) throw new OutputError(`${what}: ${folder} is a file, not a folder`, 'name a file in a folder that exists');
  try {
    accessSync(existing ? target : folder, constants.W_OK);
  } catch {
    throw new OutputError(`${what}: permission denied`, `check the permissions of ${existing ? target : folder}`);
  }
}

/**
 * Writes a report file; a write that fails (a full disk, /dev/full, a file /proc refuses) is an io error with the
 * path and exit status 2, not an internal one with 1, which says a step was not as expected (probe 67). Node's write
 * errors name no path.
 */
function writeReport(path: string, option: string, render: () => string): void {
  try {
    writeFileSync(path, render());
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!(e instanceof Error) || typeof e.code !== 'string') throw error;
    throw new OutputError(`io error: cannot write --${option} ${path}: ${systemErrorWords(e)}`, 'check the path, the free space and the permissions');
  }
}

/** What stat says of a path, or undefined when there is nothing to say (absent, or under a file). */
function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * An OutputError, or a file system error that escaped (a report write after the
 * disk filled up, a folder that cannot be listed): both are io errors.
 */
function outputError(error: unknown): OutputError | undefined {
  if (error instanceof OutputError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e instanceof Error && typeof e.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string') {
    return new OutputError(`io error: ${e.path}: ${systemErrorWords(e)}`, 'check the path, the free space and the permissions');
  }
  return undefined;
}

/** One line on a terminal, rewritten in place: how many steps are done, and the file at hand. */
class Progress {
  private done_ = 0;
  private total = 0;
  private path = '';
  private last = 0;
  constructor(private readonly stream: Output) {}
  file(path: string, total: number): void {
    this.path = path;
    this.total = total;
    this.draw();
  }
  step(): void {
    this.done_++;
    if (Date.now() - this.last > 100) this.draw();
  }
  private draw(): void {
    this.last = Date.now();
    this.stream.write(`\r\u001b[2Kchecking ${this.done_}/${this.total} steps  ${escapeControl(this.path)}`);
  }
  done(): void {
    this.stream.write('\r\u001b[2K');
  }
}

/** The default of --timeout: far above what the whole derivations/ suite takes, short enough to end a stuck CI job. */
const DEFAULT_TIMEOUT_SECONDS = 900;

/**
 * The whole-run time limit. Checking is synchronous, so no timer on the main
 * thread could fire during a step that takes too long; a worker thread waits
 * instead, writes the reason to stderr, and ends the process with SIGTERM
 * (exit status 143): a JS signal handler could not run while the main thread is busy.
 * Every step has its own budgets; this is the last guard behind them.
 */
function startWatchdog(seconds: number, json: boolean): Worker {
  // Nothing checked is lost: the main thread posts each step with where it stands, and past the limit the worker
  // writes them. Under --json, stdout still holds one JSON document: the steps checked so far in their files,
  // derivations and claims (in file order), the summary counting them, and why the run stopped; on a terminal, the
  // counts and every step not as expected.
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    let done = workerData.done;
    const checked = [];
    parentPort.on('message', (m) => { done = m.counts; checked.push(m.step); });
    const byKey = (map, key, make) => { if (!map.has(key)) map.set(key, make()); return map.get(key); };
    // All of it before the process ends: a pipe takes 64 KB at a time, and the report of a long run is larger.
    const writeAll = (fd, text) => {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length;) {
        try { at += fs.writeSync(fd, bytes, at, bytes.length - at); }
        catch (error) { if (error.code !== 'EAGAIN') return; Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); }
      }
    };
    const sorted = (map) => [...map.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    const partialFiles = () => {
      const files = new Map();
      for (const { place, ok, json } of checked) {
        const file = byKey(files, place.file, () => ({ path: place.path, derivations: new Map() }));
        const derivation = byKey(file.derivations, place.derivation, () => ({ title: place.title, source: place.source ?? null, claims: new Map() }));
        const claim = byKey(derivation.claims, place.claim, () => ({ line: place.claimLine, text: place.claimText, ok: true, steps: new Map() }));
        claim.ok = claim.ok && ok;
        claim.steps.set(place.step, json);
      }
      return sorted(files).map((f) => ({ path: f.path, error: null, derivations: sorted(f.derivations).map((d) => ({
        title: d.title, source: d.source, claims: sorted(d.claims).map((c) => ({ line: c.line, text: c.text, ok: c.ok, steps: sorted(c.steps) })),
      })) }));
    };
    setTimeout(() => {
      const message = 'the run passed its time limit of ' + workerData.seconds + ' s (--timeout) and was stopped';
      const summary = { ...done, unexpected: done.unexpected + 1 };
      if (workerData.json) {
        fs.writeSync(2, '\\nderivcheck: ' + message + '\\n');
        writeAll(1, JSON.stringify({ version: 1, files: partialFiles(), summary, stopped: { reason: 'timeout', seconds: workerData.seconds, message } }, null, 2) + '\\n');
      } else {
        const unexpected = checked.filter((c) => !c.ok).map((c) => '  ' + c.place.path + ':' + c.json.line + ': ' + c.json.verdict + ' (expected: ' + c.json.expect + ')');
        fs.writeSync(2, '\\nderivcheck: ' + message + '\\nchecked before it: ' + done.steps + ' steps: ' + done.proved + ' proved, ' + done.verified + ' verified, '
          + done.refuted + ' refuted, ' + done.error + ' errors' + (unexpected.length > 0 ? '; not as expected:\\n' + unexpected.join('\\n') : '') + '\\n');
      }
      process.kill(process.pid, 'SIGTERM');
    }, workerData.seconds * 1000);
    parentPort.unref();`;
  const worker = new Worker(code, { eval: true, workerData: { seconds, json, done: emptySummary() } });
  worker.unref();
  return worker;
}

const invokedDirectly = process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1]);
if (invokedDirectly) void Promise.resolve(main(process.argv.slice(2))).then((status) => { process.exitCode = status; });
