/**
 * The `derivcheck` command: a thin shell over the library. It reads arguments,
 * shows progress on a terminal, prints a report and sets the exit status:
 * 0 when every verdict is as expected, 1 otherwise, 2 for unusable arguments.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { checkFiles, PathError, renderTerminal, type CheckReport } from './index.ts';
import { escapeControl, toJsonText } from './report/index.ts';
import { renderHtmlReport } from './report/html/index.ts';
import { renderMarkdown } from './report/markdown/index.ts';

const USAGE = `usage: derivcheck check <files or folders...> [options]

Proves or refutes every step of the derivations in .deriv files
(folders are searched recursively for *.deriv).

options:
  --json          print the report as JSON (docs/json-report.md) instead of text
  --html FILE     also write the report as one standalone HTML page (opens offline)
  --markdown FILE also write the report as Markdown with LaTeX ($$ ... $$)
  --seed S        the run's seed (an integer); the same seed replays a run exactly. Default: random
  --trials N      random inputs per step: in all for a step an exact engine proved, at every
                  size for any other (at least 1). Default: 100
  --sizes LIST    sizes tried for each dimension symbol, e.g. 1,2,3,10. Default: 1,2,3,4,5,8
  --verbose       show every step's evidence (method, scope, inputs tried), not only for refuted
                  and error steps
  --no-color      plain text, even on a terminal (NO_COLOR does the same)
  -h, --help      this text
  --version       the version

exit status: 0 every verdict as expected, 1 some verdict not as expected, 2 unusable arguments`;

class UsageError extends Error {}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

function sizes(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 10_000)) {
    throw new UsageError(`--sizes must be a comma-separated list of sizes from 1 to 10000, got '${value}'`);
  }
  return parts.map(Number);
}

/** Where the command writes: process.stdout and process.stderr, or a test's stand-ins. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export function main(argv: readonly string[], out: Output = process.stdout, err: Output = process.stderr): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        json: { type: 'boolean' }, html: { type: 'string' }, markdown: { type: 'string' }, seed: { type: 'string' }, trials: { type: 'string' }, sizes: { type: 'string' },
        'no-color': { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' },
      },
    });
  } catch (error) {
    err.write(`derivcheck: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { out.write(`${USAGE}\n`); return 0; }
  if (values.version) { out.write('derivcheck 0.1.0\n'); return 0; }
  const [command, ...paths] = positionals;
  try {
    if (command !== 'check') throw new UsageError(command === undefined ? 'a command is missing' : `unknown command '${command}'`);
    if (paths.length === 0) throw new UsageError('name at least one .deriv file or folder, e.g. derivcheck check derivations/');
    const options = {
      // fast-check seeds are 32-bit: a wider range would make different seeds replay the same run.
      seed: integer(values.seed, 'seed', -2147483648, 2147483647), trials: integer(values.trials, 'trials', 1, 1_000_000),
      sizes: sizes(values.sizes),
    };
    const progress = err.isTTY && !values.json ? new Progress(err) : undefined;
    let report: CheckReport;
    try {
      report = checkFiles(paths, {
        ...options,
        onFile: (path, total) => progress?.file(path, total),
        onStep: () => progress?.step(),
      });
    } finally {
      progress?.done();
    }
    const color = out.isTTY === true && !values['no-color'] && !process.env.NO_COLOR;
    out.write(values.json ? `${toJsonText(report)}\n` : renderTerminal(report, { color, verbose: values.verbose === true }));
    if (values.html) writeFileSync(values.html, renderHtmlReport(report));
    if (values.markdown) writeFileSync(values.markdown, renderMarkdown(report));
    return report.summary.unexpected === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError) {
      err.write(`derivcheck: ${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    throw error;
  }
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

const invokedDirectly = process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
