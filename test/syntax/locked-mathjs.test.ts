import { describe, expect, it } from 'vitest';
import { lockedMathjs, parseMathjs } from '../../src/syntax/locked-mathjs.ts';
import { syntaxDiagnostics } from '../__test-helpers__/derivations.ts';

const CODE_REACHING = ['import', 'evaluate', 'parse', 'createUnit', 'simplify', 'derivative', 'compile', 'resolve'];

describe('mathjs lock-down: a derivation file can never reach code', () => {
  it.each([
    ['claim evaluate("1+1") = 2', 'evaluate'],
    ['claim import(x) = x', 'import'],
    ['claim parse(x) = x', 'parse'],
    ['claim createUnit(x) = x', 'createUnit'],
    ['claim simplify(x) = x', 'simplify'],
    ['claim derivative(x, x) = 1', 'derivative'],
    ['claim x = evaluate(x)', 'evaluate'],
  ])('%s is a syntax error naming %s, at its position', (line, name) => {
    const diagnostics = syntaxDiagnostics(`derivation "x"\ngiven x: real\n${line}\n`);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d.code).toBe('syntax');
    expect(d.message).toContain(`'${name}'`);
    expect(d.span?.line).toBe(3);
    expect(d.span?.col).toBe(line.indexOf(name) + 1);
  });

  it('a name that reaches JavaScript internals is rejected too', () => {
    for (const name of ['constructor', '__proto__']) {
      const diagnostics = syntaxDiagnostics(`derivation "x"\ngiven x: real\nclaim ${name} = x\n`);
      expect(diagnostics.map((d) => d.code)).toEqual(['syntax']);
    }
  });

  it('the locked instance refuses evaluate("1+1")', () => {
    expect(() => lockedMathjs().evaluate('1+1')).toThrow(/disabled/);
  });

  it.each(CODE_REACHING)('the locked instance refuses %s', (name) => {
    const fn = (lockedMathjs() as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    expect(() => fn('x')).toThrow(new RegExp(`${name} is disabled`));
  });

  it('a parsed node cannot be evaluated: its namespace holds no arithmetic, only refusals', () => {
    expect((lockedMathjs() as unknown as Record<string, unknown>).add).toBeUndefined();
    expect((lockedMathjs() as unknown as Record<string, unknown>).exp).toBeUndefined();
    const node = parseMathjs('1 + 1') as unknown as { evaluate(): unknown };
    expect(() => node.evaluate()).toThrow();
    const call = parseMathjs('evaluate("1+1")') as unknown as { evaluate(): unknown };
    expect(() => call.evaluate()).toThrow();
  });
});
