/**
 * Shared helpers for the derivcheck test suite: small, fast check options,
 * one-call access to claims and steps, syntax diagnostics, fake output streams
 * for the CLI and temporary .deriv files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli.ts';
import { join } from 'node:path';
import {
  checkText, DerivationSyntaxError, parseDerivationFile,
  type CheckOptions, type CheckReport, type ClaimResult, type Diagnostic, type StepResult,
} from '../../src/index.ts';

/** Options that keep every check fast: few trials, small sizes, a fixed seed. */
export const FAST: CheckOptions = { seed: 1, trials: 20, sizes: [1, 2, 3] };

/** Prefixes a body with a `derivation` header line, so line 1 is the header and the body starts on line 2. */
export function deriv(body: string, title = 't'): string {
  return `derivation "${title}"\n${body}`;
}

/** Checks text and returns the whole report; fails the test if the file could not be read. */
export function checkReport(text: string, options: CheckOptions = {}): CheckReport {
  const report = checkText(text, 'test.deriv', { ...FAST, ...options });
  const error = report.files[0].error;
  if (error) throw new Error(`unexpected file error: ${error.code} ${error.message}`);
  return report;
}

/** The claims of the first derivation of the text. */
export function claimsOf(text: string, options: CheckOptions = {}): readonly ClaimResult[] {
  return checkReport(text, options).files[0].derivations[0].claims;
}

/** Every step of every claim of every derivation, in order. */
/** The steps of a derivation body (a `derivation` header is put before it), checked with FAST options. */
export function stepsIn(body: string, options: CheckOptions = {}): StepResult[] {
  return claimsOf(deriv(body), options).flatMap((c) => [...c.steps]);
}

/** The verdicts of {@link stepsIn}, in order. */
export function verdictsIn(body: string, options: CheckOptions = {}): Array<StepResult['verdict']> {
  return stepsIn(body, options).map((s) => s.verdict);
}

export function stepsOf(report: CheckReport): StepResult[] {
  return report.files.flatMap((f) => f.derivations.flatMap((d) => d.claims.flatMap((c) => [...c.steps])));
}

/** The one step of a text that holds exactly one step. */
export function onlyStep(text: string, options: CheckOptions = {}): StepResult {
  const steps = stepsOf(checkReport(text, options));
  if (steps.length !== 1) throw new Error(`expected one step, found ${steps.length}`);
  return steps[0];
}

/** The diagnostics of content that must fail to parse; fails the test if it parses. */
export function syntaxDiagnostics(content: string | Uint8Array, file = 'bad.deriv'): readonly Diagnostic[] {
  try {
    parseDerivationFile(content, file);
  } catch (error) {
    if (error instanceof DerivationSyntaxError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a DerivationSyntaxError, but the text parsed');
}

/** A stand-in for process.stdout / process.stderr that records what is written. */
export class FakeStream {
  text = '';
  readonly isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  /** The type main() expects. */
  get stream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

/** A temporary folder for .deriv files; call `remove()` when done. */
export class TempFolder {
  readonly path = mkdtempSync(join(tmpdir(), 'derivcheck-test-'));
  file(name: string, content: string | Uint8Array): string {
    const path = join(this.path, name);
    writeFileSync(path, content);
    return path;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Runs the command in this process with fake streams: its exit status and what it wrote. */
export function runCli(args: readonly string[]): { code: number; out: string; err: string } {
  const out = new FakeStream();
  const err = new FakeStream();
  const code = main(args, out.stream, err.stream);
  if (typeof code !== 'number') throw new Error('runCli: only --watch returns a promise, and it is not run in-process');
  return { code, out: out.text, err: err.text };
}
