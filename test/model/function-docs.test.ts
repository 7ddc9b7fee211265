import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { functionFormsMarkdown, functionTableMarkdown } from '../../src/model/function-docs.ts';

const DOC = new URL('../../docs/syntax.md', import.meta.url);
const SECTION = /<!-- function-table:begin -->\n([\s\S]*?)\n<!-- function-table:end -->/;

it('docs/syntax.md lists every function of the table with its domain, derivative and kinks', () => {
  const text = readFileSync(DOC, 'utf8');
  const table = functionTableMarkdown();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, text.replace(SECTION, () => `<!-- function-table:begin -->\n${table}\n<!-- function-table:end -->`));
  const written = SECTION.exec(readFileSync(DOC, 'utf8'));
  expect(written, 'docs/syntax.md has the function-table markers').not.toBeNull();
  expect(written![1]).toBe(table);
  for (const name of ['erf', 'Phi', 'relu', 'log1p']) expect(table).toContain(`\`${name}(`);
});

const FORMS = /<!-- function-forms:begin -->\n([\s\S]*?)\n<!-- function-forms:end -->/;

it('docs/syntax.md lists every function written through others, with what it is', () => {
  const text = readFileSync(DOC, 'utf8');
  const table = functionFormsMarkdown();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, text.replace(FORMS, () => `<!-- function-forms:begin -->\n${table}\n<!-- function-forms:end -->`));
  const written = FORMS.exec(readFileSync(DOC, 'utf8'));
  expect(written, 'docs/syntax.md has the function-forms markers').not.toBeNull();
  expect(written![1]).toBe(table);
  for (const name of ['tan', 'ln', 'acos', 'atanh']) expect(table).toContain(`\`${name}(`);
});
