import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, TempFolder } from '../__test-helpers__/derivations.ts';

const folder = new TempFolder();
afterAll(() => folder.remove());
const GOOD = folder.file('good.deriv', 'derivation "good"\ngiven x: real\nclaim 2 * x = x + x\n');
const FAST = ['--seed', '1', '--trials', '10', '--sizes', '1,2'];

const run = runCli;

describe('derivcheck: an output file that cannot be written', () => {
  it.each([
    ['--html', join(folder.path, 'no-such-folder', 'r.html'), /the folder .*no-such-folder does not exist/],
    ['--markdown', join(folder.path, 'no-such-folder', 'r.md'), /the folder .*no-such-folder does not exist/],
    ['--html', folder.path, /it is a folder/],
    ['--markdown', GOOD + '/r.md', /good\.deriv is a file, not a folder/],
  ])('%s %s is an io error before the run: exit 2, no report, no stack trace', (option, path, why) => {
    const { code, out, err } = run(['check', GOOD, ...FAST, option, path]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^derivcheck: io error: cannot write ${option} `));
    expect(err).toMatch(why);
    expect(err).toMatch(/\nhint: .+\n$/);
    expect(err).not.toMatch(/^\s+at /m);
  });

  it.runIf(existsSync('/dev/full'))('a write that fails after the run (a full disk) is an io error, exit 2, not an internal one (probe 67)', () => {
    const { code, err } = run(['check', GOOD, ...FAST, '--html', '/dev/full']);
    expect(code).toBe(2);
    expect(err).toMatch(/^derivcheck: io error: cannot write --html \/dev\/full: no space left/);
    expect(err).not.toMatch(/internal error|^\s+at /m);
  });

  it('a writable path gets the report', () => {
    const html = join(folder.path, 'r.html');
    const { code } = run(['check', GOOD, ...FAST, '--html', html]);
    expect(code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<!DOCTYPE html>');
  });
});

describe('derivcheck: usage errors and --version', () => {
  it.each([
    ['an unknown flag', ['check', GOOD, '--bogus']],
    ['a bad --trials', ['check', GOOD, '--trials', '0']],
    ['no path', ['check']],
    ['an unknown command', ['verify', GOOD]],
  ])('%s prints one line and the --help hint, not the whole usage', (_, args) => {
    const { code, out, err } = run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^derivcheck: /);
    expect(lines[1]).toContain('--help');
    expect(err).not.toContain('usage:');
  });

  it('a negative value after a numeric option is its value: --seed -1 runs, --jobs -1 says what jobs may be (probe 67)', () => {
    expect(run(['check', GOOD, '--seed', '-1', '--trials', '10', '--sizes', '1,2']).code).toBe(0);
    const { code, err } = run(['check', GOOD, '--jobs', '-1']);
    expect(code).toBe(2);
    expect(err).toMatch(/^derivcheck: --jobs must be a whole number from 1 to \d+, got '-1'/);
  });

  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, out } = run(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`derivcheck ${version}\n`);
  });
});

describe('derivcheck: file system errors in words (probe 58)', () => {
  it('names a symbolic link that loops as one, not as a missing file, with no errno code', () => {
    const loopA = join(folder.path, 'loopA.deriv');
    const loopB = join(folder.path, 'loopB.deriv');
    symlinkSync(loopB, loopA);
    symlinkSync(loopA, loopB);
    const { code, err } = run(['check', loopA, ...FAST]);
    expect(code).toBe(2);
    expect(err).toContain('a symbolic link that points back to itself (a loop)');
    expect(err).not.toMatch(/ELOOP|ENOENT/);
  });
});
