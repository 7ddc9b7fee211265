/** The report's stylesheet, scoped under `.dc` so it can sit inside a notebook. */
export const REPORT_CSS = `
.dc { --proved:#1a7f37; --proved-bg:#dafbe1; --verified:#0969da; --verified-bg:#ddf4ff;
  --refuted:#cf222e; --refuted-bg:#ffebe9; --error:#8250df; --error-bg:#fbefff;
  --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --paper:#ffffff; --wash:#f6f8fa;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); line-height: 1.45; max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; background: var(--paper); }
.dc h1 { font-size: 1.7rem; margin: 0 0 8px; }
.dc h2.dc-path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.05rem; font-weight: 600;
  margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
.dc h3 { font-size: 1.2rem; margin: 22px 0 2px; }
.dc h4 { font-size: .95rem; margin: 0 0 6px; }
.dc code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: var(--wash); padding: 1px 4px; border-radius: 4px; }
.dc .dc-muted, .dc .dc-source { color: var(--muted); font-weight: normal; }
.dc .dc-source { margin: 0 0 10px; font-size: .9rem; font-style: italic; }
.dc-header { border-bottom: 1px solid var(--line); padding-bottom: 12px; }
.dc .dc-status { font-size: 1.05rem; font-weight: 600; padding: 8px 12px; border-radius: 8px; margin: 8px 0 14px; }
.dc .dc-status-ok { background: var(--proved-bg); color: var(--proved); }
.dc .dc-status-bad { background: var(--refuted-bg); color: var(--refuted); }
.dc .dc-counts { display: flex; gap: 12px; flex-wrap: wrap; }
.dc .dc-count { flex: 1 1 120px; border-radius: 10px; padding: 10px 14px; border: 1px solid var(--line); display: flex; flex-direction: column; }
.dc .dc-count-n { font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.dc .dc-count-label { font-size: .9rem; }
.dc .dc-count.dc-v-proved { background: var(--proved-bg); color: var(--proved); }
.dc .dc-count.dc-v-verified { background: var(--verified-bg); color: var(--verified); }
.dc .dc-count.dc-v-refuted { background: var(--refuted-bg); color: var(--refuted); }
.dc .dc-count.dc-v-error { background: var(--error-bg); color: var(--error); }
.dc .dc-legend-text { color: var(--muted); font-size: .85rem; margin: 12px 0 0; }
.dc .dc-claim { border: 1px solid var(--line); border-radius: 10px; margin: 12px 0; background: var(--paper); overflow: hidden; }
.dc .dc-claim-bad { border-color: var(--refuted); }
.dc .dc-claim-head { display: flex; align-items: center; gap: 10px; padding: 6px 14px; background: var(--wash); border-bottom: 1px solid var(--line); }
.dc .dc-kw { font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.dc .dc-line { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .8rem; color: var(--muted); min-width: 2.6em; text-align: right; }
.dc .dc-line::before { content: "line "; font-size: .7rem; }
.dc .dc-eq { flex: 1; overflow-x: auto; overflow-y: hidden; min-width: 0; }
.dc .dc-eq .katex-display { margin: .35em 0; text-align: left; }
.dc .dc-eq .katex-display > .katex { text-align: left; }
.dc .dc-eq math[display="block"] { display: inline math; margin: .35em 0; }
.dc .dc-status-compact { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; font-size: .95rem; }
.dc .dc-status-compact .dc-badge { font-size: .75rem; }
.dc ol.dc-steps { list-style: none; margin: 0; padding: 0; }
.dc .dc-step { padding: 6px 14px 10px; border-left: 5px solid var(--line); border-top: 1px solid var(--line); }
.dc .dc-step:first-child { border-top: none; }
.dc .dc-step.dc-v-proved { border-left-color: var(--proved); }
.dc .dc-step.dc-v-verified { border-left-color: var(--verified); }
.dc .dc-step.dc-v-refuted { border-left-color: var(--refuted); background: #fffafa; }
.dc .dc-step.dc-v-error { border-left-color: var(--error); }
.dc .dc-step-head { display: flex; align-items: center; gap: 10px; }
.dc .dc-badge { white-space: nowrap; font-size: .8rem; font-weight: 600; padding: 3px 10px; border-radius: 999px; border: 1px solid currentColor; }
.dc .dc-badge.dc-v-proved { color: var(--proved); background: var(--proved-bg); }
.dc .dc-badge.dc-v-verified { color: var(--verified); background: var(--verified-bg); }
.dc .dc-badge.dc-v-refuted { color: var(--refuted); background: var(--refuted-bg); }
.dc .dc-badge.dc-v-error { color: var(--error); background: var(--error-bg); }
.dc .dc-just { margin: 0 0 2px 3.6em; color: var(--ink); font-style: italic; }
.dc .dc-expect { margin: 2px 0 2px 3.6em; font-size: .9rem; font-weight: 600; }
.dc .dc-expect-ok { color: #9a6700; }
.dc .dc-expect-bad { color: var(--refuted); }
.dc .dc-unexpected { box-shadow: inset 0 0 0 2px var(--refuted); }
.dc .dc-counter { margin: 8px 0 6px 3.6em; padding: 10px 12px; border: 1px solid #ffcecb; border-radius: 8px; background: var(--paper); }
.dc table.dc-table { border-collapse: collapse; font-size: .9rem; }
.dc .dc-table th { text-align: left; font-weight: 600; color: var(--muted); padding: 2px 14px 2px 0; vertical-align: top; white-space: nowrap; }
.dc .dc-table td { padding: 2px 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; word-break: break-word; }
.dc .dc-table tr.dc-why td { font-family: inherit; font-size: .92rem; font-weight: 600; color: var(--refuted); }
.dc .dc-why-line { margin: 4px 0 4px 3.6em; color: var(--refuted); }
.dc .dc-figure { margin: 10px 0 0; }
.dc .dc-figure figcaption { font-size: .82rem; color: var(--muted); max-width: 560px; }
.dc .dc-plot { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
.dc .dc-plot .dc-plot-area { fill: #fcfcfd; stroke: var(--line); }
.dc .dc-plot .dc-grid { stroke: #eaeef2; stroke-width: 1; }
.dc .dc-plot .dc-tick { font-size: 11px; fill: var(--muted); }
.dc .dc-plot .dc-axis { font-size: 12px; fill: var(--ink); }
.dc .dc-plot .dc-curve-gap { fill: none; stroke: var(--refuted); stroke-width: 2.5; }
.dc .dc-plot .dc-curve-method { fill: none; stroke: #6e7781; stroke-width: 2; stroke-dasharray: 5 3; }
.dc .dc-plot .dc-tolerance { stroke: #9a6700; stroke-width: 1; stroke-dasharray: 2 3; }
.dc .dc-plot .dc-legend { fill: #ffffff; fill-opacity: .9; stroke: var(--line); }
.dc .dc-plot-note { font-size: .85rem; color: var(--muted); margin: 8px 0 0; }
.dc details.dc-evidence { margin: 4px 0 0 3.6em; font-size: .82rem; color: var(--muted); }
.dc details.dc-evidence summary { cursor: pointer; }
.dc details.dc-evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 4px; }
.dc details.dc-evidence dt { font-weight: 600; }
.dc details.dc-evidence dd { margin: 0; }
.dc pre { background: var(--wash); padding: 8px 10px; border-radius: 6px; overflow-x: auto; font-size: .82rem; }
.dc .dc-footer { margin-top: 32px; color: var(--muted); font-size: .82rem; border-top: 1px solid var(--line); padding-top: 10px; }
@media print { .dc details.dc-evidence { display: none; } .dc .dc-claim { break-inside: avoid; } }
`;
