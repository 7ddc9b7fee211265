import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { functionFormsMarkdown, functionTableMarkdown } from '../../src/model/function-docs.ts';

const DOC = new URL('../../docs/syntax.md', import.meta.url);

/**
 * docs/syntax.md holds `table` between `<!-- NAME:begin -->` and `<!-- NAME:end -->`
 * verbatim (`UPDATE_DOCS=1` rewrites it first).
 */
function expectGeneratedSection(name: string, table: string): void {
  const section = new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`);
  const text = readFileSync(DOC, 'utf8');
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, text.replace(section, () => `<!-- ${name}:begin -->\n${table}\n<!-- ${name}:end -->`));
  const written = section.exec(readFileSync(DOC, 'utf8'));
  expect(written, `docs/syntax.md has the ${name} markers`).not.toBeNull();
  expect(written![1]).toBe(table);
}

it('docs/syntax.md lists every function of the table with its domain, derivative and kinks', () => {
  const table = functionTableMarkdown();
  expectGeneratedSection('function-table', table);
  for (const name of ['erf', 'Phi', 'relu', 'log1p']) expect(table).toContain(`\`${name}(`);
});

it('docs/syntax.md lists every function written through others, with what it is', () => {
  const table = functionFormsMarkdown();
  expectGeneratedSection('function-forms', table);
  for (const name of ['tan', 'ln', 'acos', 'atanh']) expect(table).toContain(`\`${name}(`);
});
