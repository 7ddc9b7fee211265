import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { checkText, toJsonReport } from '../../src/index.ts';
import { FakeStream, TempFolder } from '../__test-helpers__/derivations.ts';

const folder = new TempFolder();
afterAll(() => folder.remove());

const TEXT = `derivation "softmax"
source "001.txt"
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))   by "log of a quotient"
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong
claim x[1] = nope
derivation "trig"
given t: positive
claim atan(t) + atan(1 / t)
  = pi / 2
`;

type Json = Record<string, any>;

function runJson(path: string, extra: string[] = []): { code: number; json: Json; err: string } {
  const out = new FakeStream();
  const err = new FakeStream();
  const code = main(['check', path, '--json', '--seed', '1', '--trials', '10', '--sizes', '1,2,3', ...extra], out.stream, err.stream);
  if (typeof code !== 'number') throw new Error('only --watch returns a promise');
  return { code, json: JSON.parse(out.text), err: err.text };
}

const keys = (o: object) => Object.keys(o).sort();

describe('the JSON report (--json)', () => {
  const path = folder.file('a.deriv', TEXT);
  const { code, json, err } = runJson(path);

  it('has exactly the documented keys at every level', () => {
    expect(err).toBe('');
    expect(code).toBe(1); // the unknown name is an error, never as expected
    expect(keys(json)).toEqual(['files', 'summary', 'version']);
    expect(json.version).toBe(1);
    expect(json.files).toHaveLength(1);
    const file = json.files[0];
    expect(keys(file)).toEqual(['derivations', 'error', 'path']);
    expect(file.path).toBe(path);
    expect(file.error).toBeNull();
    expect(file.derivations).toHaveLength(2);
    for (const d of file.derivations) {
      expect(keys(d)).toEqual(['claims', 'source', 'title']);
      for (const c of d.claims) {
        expect(keys(c)).toEqual(['line', 'ok', 'steps', 'text']);
        for (const s of c.steps) {
          expect(keys(s)).toEqual(['detail', 'expect', 'line', 'method', 'proof', 'relation', 'text', 'verdict']);
          expect(['proved', 'verified', 'refuted', 'error']).toContain(s.verdict);
          expect(['holds', 'wrong']).toContain(s.expect);
          expect(typeof s.method).toBe('string');
          expect(typeof s.detail.trials).toBe('number');
          expect(Array.isArray(s.detail.sizes)).toBe(true);
        }
      }
    }
    expect(keys(json.summary)).toEqual(['error', 'proved', 'refuted', 'steps', 'unexpected', 'verified']);
  });

  it('holds the values of the file: titles, sources, lines, texts, verdicts', () => {
    const [softmax, trig] = json.files[0].derivations;
    expect(softmax.title).toBe('softmax');
    expect(softmax.source).toBe('001.txt');
    expect(trig.source).toBeNull();
    expect(softmax.claims.map((c: Json) => [c.line, c.text, c.ok])).toEqual([
      [5, 'log(s[i])', true], [6, 'diff(s[n], x[n])', true], [7, 'x[1]', false],
    ]);
    expect(softmax.claims.map((c: Json) => c.steps.map((s: Json) => [s.line, s.text, s.verdict, s.expect]))).toEqual([
      [[5, 'x[i] - log(sum(j, exp(x[j])))', 'proved', 'holds']],
      [[6, '-s[n] * (1 - s[n])', 'refuted', 'wrong']],
      [[7, 'nope', 'error', 'holds']],
    ]);
    expect(trig.claims[0].line).toBe(10);
    expect(trig.claims[0].steps[0]).toMatchObject({ line: 11, text: 'pi / 2', verdict: 'verified' });
    expect(json.summary).toEqual({ steps: 4, proved: 1, verified: 1, refuted: 1, error: 1, unexpected: 1 });
  });

  it('proof is every-n or sizes-tried on proved steps and null on the others', () => {
    for (const d of json.files[0].derivations) for (const c of d.claims) for (const s of c.steps) {
      if (s.verdict === 'proved') expect(['every-n', 'sizes-tried']).toContain(s.proof);
      else expect(s.proof).toBeNull();
    }
  });

  it('the detail of a refuted step holds the counterexample: inputs, lhs, rhs, and the seed', () => {
    const refuted = json.files[0].derivations[0].claims[1].steps[0];
    expect(refuted.detail.seed).toBe(1);
    const c = refuted.detail.counterexample;
    expect(c).toBeDefined();
    expect(c).toHaveProperty('inputs');
    expect(c).toHaveProperty('lhs');
    expect(c).toHaveProperty('rhs');
    expect(Array.isArray(c.inputs.x)).toBe(true);
    expect(c.inputs.x).toHaveLength(c.sizes.n);
  });

  it('an error step carries its diagnostic as code, message, hint, line, col', () => {
    const error = json.files[0].derivations[0].claims[2].steps[0];
    expect(error.detail.error).toEqual({
      code: 'unknown-name', message: "unknown name 'nope'", hint: expect.any(String), line: 7, col: 14,
    });
  });

  it('is plain JSON: the same as toJsonReport of the library report, with no NaN or Infinity', () => {
    const report = checkText(TEXT, path, { seed: 1, trials: 10, sizes: [1, 2, 3] });
    expect(JSON.parse(JSON.stringify(toJsonReport(report)))).toEqual(json);
  });

  it('a file that cannot be read has its error and no derivations; the other files are still reported', () => {
    const sub = new TempFolder();
    try {
      sub.file('a-bad.deriv', 'derivation "b"\ngiven x: real\nfrobnicate (x\n');
      sub.file('b-good.deriv', 'derivation "g"\ngiven x: real\nclaim x + x = 2 * x\n');
      const result = runJson(sub.path);
      expect(result.code).toBe(1);
      const [bad, good] = result.json.files;
      expect(keys(bad)).toEqual(['derivations', 'error', 'path']);
      expect(bad.derivations).toEqual([]);
      expect(keys(bad.error)).toEqual(['code', 'col', 'hint', 'line', 'message']);
      expect(bad.error).toMatchObject({ code: 'syntax', line: 3 });
      expect(good.error).toBeNull();
      expect(good.derivations[0].claims[0].steps[0].verdict).toBe('proved');
      expect(result.json.summary).toMatchObject({ steps: 1, proved: 1, unexpected: 1 });
    } finally {
      sub.remove();
    }
  });

  it('exit status 0 when every verdict is as expected', () => {
    const good = folder.file('good.deriv', 'derivation "g"\ngiven x: real\nclaim 2 * x = 3 * x   expect wrong\n');
    const result = runJson(good);
    expect(result.code).toBe(0);
    expect(result.json.summary).toEqual({ steps: 1, proved: 0, verified: 0, refuted: 1, error: 0, unexpected: 0 });
  });
});
