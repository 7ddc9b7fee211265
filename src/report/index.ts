/** The report stage: one result model, several renderings. */
export { diagnosticJson, stepJson, toJsonReport, toJsonText } from './json.ts';
export { renderTerminal } from './terminal.ts';
export { escapeControl } from './safe-text.ts';
export type { TerminalStyle } from './terminal.ts';
export { stepToLatex, toLatex } from './latex/index.ts';
export { renderDerivationHtml, renderHtmlFragment, renderHtmlReport, modelsFromDisk } from './html/index.ts';
export type { HtmlOptions, ModelSource } from './html/index.ts';
export { renderDerivationMarkdown, renderMarkdown } from './markdown/index.ts';
export type { MarkdownOptions } from './markdown/index.ts';
export { reportOf, textToLatex } from './markdown/describe.ts';
