import { afterAll, describe, expect, it } from 'vitest';
import { runCli, TempFolder } from '../__test-helpers__/derivations.ts';
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';

const folder = new TempFolder();
afterAll(() => folder.remove());

const GOOD = folder.file('good.deriv', `derivation "good"
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong
`);
const BAD = folder.file('bad.deriv', `derivation "bad"
given x: real
claim 2 * x = 3 * x
`);
const UNREADABLE = folder.file('unreadable.deriv', 'derivation "u"\ngiven x: real\nfoo bar\n');
const FAST = ['--seed', '1', '--trials', '10', '--sizes', '1,2'];

const run = runCli;

describe('derivcheck check: exit status', () => {
  it('0 when every verdict is as expected, a refuted expect-wrong step included', () => {
    const { code, out, err } = run(['check', GOOD, ...FAST]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('proved');
    expect(out).toContain('refuted');
    expect(out).toContain('seed 1');
  });

  it('1 when some verdict is not as expected', () => {
    const { code, out } = run(['check', BAD, ...FAST]);
    expect(code).toBe(1);
    expect(out).toContain('refuted');
  });

  it('1 for a file that cannot be read, with file:line:col in the output', () => {
    const { code, out, err } = run(['check', UNREADABLE, ...FAST]);
    expect(code).toBe(1);
    expect(out + err).toContain(`${UNREADABLE}:3:1`);
  });

  it('a folder is searched for .deriv files, and one unexpected verdict among several files gives 1', () => {
    const { code, out } = run(['check', folder.path, ...FAST]);
    expect(code).toBe(1);
    expect(out).toContain('good.deriv');
    expect(out).toContain('bad.deriv');
  });

  it.each([
    ['an unknown flag', ['check', GOOD, '--bogus']],
    ['--trials 0', ['check', GOOD, '--trials', '0']],
    ['--trials abc', ['check', GOOD, '--trials', 'abc']],
    ['--sizes abc', ['check', GOOD, '--sizes', 'abc']],
    ['--sizes 0', ['check', GOOD, '--sizes', '0,1']],
    ['--seed 1.5', ['check', GOOD, '--seed', '1.5']],
    ['no path', ['check']],
    ['no command', []],
    ['an unknown command', ['verify', GOOD]],
    ['--at, which only derive reads (probe 58: check ignored it)', ['check', GOOD, '--at', '3']],
    ['a path that does not exist', ['check', `${folder.path}/nope.deriv`]],
  ])('2 for unusable arguments: %s, with a message on stderr and nothing on stdout', (_, args) => {
    const { code, out, err } = run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^derivcheck: /);
  });

  it('2 for a folder without .deriv files', () => {
    const empty = new TempFolder();
    try {
      const { code, err } = run(['check', empty.path]);
      expect(code).toBe(2);
      expect(err).toContain('no .deriv file');
    } finally {
      empty.remove();
    }
  });

  it('--help prints the usage and exits 0', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: derivcheck check');
  });

  it('--no-color output holds no escape codes', () => {
    const { out } = run(['check', GOOD, ...FAST, '--no-color']);
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe('derivcheck check: files it cannot read', () => {
  it('a file that cannot be opened is an io error for that file, and the other files are still checked', () => {
    const dir = new TempFolder();
    try {
      dir.file('ok.deriv', 'derivation "ok"\ngiven x: real\nclaim 2 * x = x + x\n');
      symlinkSync(join(dir.path, 'missing-target'), join(dir.path, 'dangling.deriv'));
      const { code, out } = run(['check', dir.path, '--json', ...FAST]);
      const report = JSON.parse(out);
      expect(code).toBe(1);
      const dangling = report.files.find((f: { path: string }) => f.path.endsWith('dangling.deriv'));
      expect(dangling.error).toMatchObject({ code: 'io', hint: 'check that the file exists and is readable' });
      expect(dangling.error.message).toMatch(/^cannot read the file: /);
      expect(report.summary).toMatchObject({ steps: 1, proved: 1, unexpected: 1 });
    } finally {
      dir.remove();
    }
  });
});

describe('derivcheck check: a run in a pipe or past its time limit (a process of its own)', () => {
  const bin = join(process.cwd(), 'bin', 'derivcheck.mjs');

  it('--json past --timeout still writes one JSON document with every step checked before it, exit status 143', () => {
    const run = spawnSync(process.execPath, [bin, 'check', 'derivations/', '--seed', '1', '--json', '--timeout', '4', '--jobs', '1'], { encoding: 'utf8' });
    expect(run.status === 143 || run.signal === 'SIGTERM').toBe(true);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ version: 1, stopped: { reason: 'timeout', seconds: 4 } });
    expect(report.summary.unexpected).toBeGreaterThanOrEqual(1);
    // Nothing checked is lost: the steps in the files are the steps counted, each with its verdict, in file order.
    const steps = report.files.flatMap((f: any) => f.derivations.flatMap((d: any) => d.claims.flatMap((c: any) => c.steps)));
    expect(steps.length).toBe(report.summary.steps);
    for (const step of steps) expect(['proved', 'verified', 'refuted', 'error']).toContain(step.verdict);
    const paths = report.files.map((f: any) => f.path);
    expect(paths).toEqual([...paths].sort());
  }, 60_000);

  // A report past the pipe's 64 KB buffer: the write fails with EPIPE once head has read its bytes.
  it('a reader that closes the pipe early ends the run quietly, with no stack trace', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" check derivations/005-textbook-identities.deriv --seed 1 --json | head -c 10`], { encoding: 'utf8' });
    expect(run.stdout).toBe('{\n  "versi');
    expect(run.stderr).not.toMatch(/EPIPE|at .*\(node:/);
  }, 60_000);
});

describe('derivcheck derive: arguments', () => {
  it('an empty expression is a usage error, exit status 2, not a stack trace', () => {
    const run = runCli(['derive', 'docs/example.deriv', '']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('the expression to derive is empty');
  });
});

describe('derivcheck check: --sizes past the largest fixed size', () => {
  it('reaches the library within its range: --sizes 2000 checks, as the library allows sizes up to 10000', () => {
    const folder = new TempFolder();
    try {
      const file = folder.file('big.deriv', 'derivation "big"\ngiven x: vector[n]\nclaim sum(x) = sum(i, x[i])\n');
      const run = runCli(['check', file, '--sizes', '2000', '--seed', '1', '--trials', '2']);
      expect(run.err).not.toMatch(/internal error|RangeError/);
      expect(run.code).toBe(0);
    } finally {
      folder.remove();
    }
  }, 60_000);
});
