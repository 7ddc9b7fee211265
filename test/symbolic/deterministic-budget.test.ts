/**
 * The exact engine's budgets count work (terms, instances), not milliseconds, so
 * the same file, seed and options give the same report on a loaded machine: two
 * checks run side by side, each slowing the other, must print the same JSON.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function checkJson(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/derivcheck.mjs', 'check', file, '--json', '--seed', '1'], { cwd: root, maxBuffer: 1 << 26 },
      (error, stdout) => (error && error.code !== 1 ? reject(error) : resolve(stdout)));
  });
}

describe('deterministic budgets', () => {
  it('two checks of the same file in parallel give byte-identical JSON', async () => {
    const file = 'derivations/001-softmax-log-trick.deriv';
    const [a, b] = await Promise.all([checkJson(file), checkJson(file)]);
    expect(a.length).toBeGreaterThan(100);
    expect(a).toBe(b);
  }, 300_000);
});
