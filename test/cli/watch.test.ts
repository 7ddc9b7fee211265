import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, TempFolder } from '../__test-helpers__/derivations.ts';

const folder = new TempFolder();
afterAll(() => folder.remove());
const bin = join(process.cwd(), 'bin', 'derivcheck.mjs');

const FIRST = `derivation "first"
given x: real
claim diff(x^3, x) = 3 * x^2
claim diff(sin(x), x) = cos(x)
`;
const SECOND = `derivation "second"
given y: positive
claim log(y^2) = 2 * log(y)
`;

/** The command under --watch in a process of its own, with what it has written so far. */
function watching(args: string[]) {
  const child = spawn(process.execPath, [bin, 'check', ...args, '--watch', '--seed', '1', '--trials', '8', '--sizes', '1,2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  /** Resolves once stderr holds `count` watch lines, with the last of them. */
  const runs = async (count: number, ms = 20_000): Promise<string> => {
    const started = Date.now();
    for (;;) {
      const lines = err.split('\n').filter((l) => l.startsWith('watching'));
      if (lines.length >= count) return lines[count - 1];
      if (Date.now() - started > ms) throw new Error(`no watch line ${count} after ${ms} ms; stderr: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, runs, out: () => out, err: () => err };
}

describe('derivcheck check --watch', () => {
  it('checks again after a save, only the derivation that changed, and ends on Ctrl-C with the last run\'s status', async () => {
    const a = folder.file('a.deriv', FIRST);
    const b = folder.file('b.deriv', SECOND);
    const w = watching([folder.path]);
    try {
      expect(await w.runs(1)).toMatch(/^watching \(seed 1\): 2 derivations \(3 steps\) checked in [\d.]+ s, 0 derivations \(0 steps\) unchanged; Ctrl-C to stop$/);
      expect(w.out()).toContain('all as expected');
      writeFileSync(a, FIRST.replace('= cos(x)', '= -cos(x)'));
      expect(await w.runs(2)).toMatch(/: 1 derivation \(2 steps\) checked in [\d.]+ s, 1 derivation \(1 step\) unchanged;/);
      expect(w.out()).toMatch(/--- .*: a change ---[\s\S]*1 not as expected/);
      // A file that is not a derivation (a report written into the folder) is no change.
      writeFileSync(join(folder.path, 'report.html'), '<html></html>');
      await new Promise((r) => setTimeout(r, 800));
      expect(w.err().split('\n').filter((l) => l.startsWith('watching'))).toHaveLength(2);
      // An editor's save by a new file renamed over the old one is a change too; a file added to the folder is checked.
      writeFileSync(`${b}.tmp`, SECOND);
      renameSync(`${b}.tmp`, b);
      writeFileSync(join(folder.path, 'c.deriv'), SECOND.replace('"second"', '"third"'));
      expect(await w.runs(3)).toMatch(/: 1 derivation \(1 step\) checked in [\d.]+ s, 2 derivations \(3 steps\) unchanged;/);
      w.child.kill('SIGINT');
      expect(await w.exited).toBe(1);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 60_000);

  it('is refused with --json, and for a path that does not exist, before anything runs', () => {
    const json = runCli(['check', folder.path, '--watch', '--json']);
    expect(json.code).toBe(2);
    expect(json.err).toContain('--watch prints the text report again after every save, not JSON');
    const missing = runCli(['check', join(folder.path, 'nowhere'), '--watch']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or folder');
  });
});
