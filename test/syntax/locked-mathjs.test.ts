import { describe, expect, it } from 'vitest';
import { lockedMathjs } from '../../src/syntax/locked-mathjs.ts';
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

  it('the instance is built from the parser\'s factories: what the parser needs exists, the rest does not', () => {
    expect(lockedMathjs().add(1, 2)).toBe(3); // a dependency of the parser's nodes, harmless
    expect((lockedMathjs() as unknown as Record<string, unknown>).exp).toBeUndefined();
    expect((lockedMathjs() as unknown as Record<string, unknown>).sin).toBeUndefined();
  });
});
