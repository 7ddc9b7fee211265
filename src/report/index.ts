/** The report stage: one result model, several renderings. */
export { diagnosticJson, toJsonReport } from './json.ts';
export { renderTerminal } from './terminal.ts';
export type { TerminalStyle } from './terminal.ts';
export { stepToLatex, toLatex } from './latex/index.ts';
