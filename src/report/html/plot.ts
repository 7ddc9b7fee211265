/** The error curve as an inline SVG on log-log axes: no script, no external file. */
import type { ErrorCurve } from './error-curve.ts';
import { escapeHtml } from './escape.ts';

const W = 560;
const H = 340;
const M = { left: 64, right: 16, top: 12, bottom: 84 };
/** Values below this are drawn on the floor (an exact 0 has no logarithm). */
const FLOOR = 1e-18;

/**
 * Whether a plot of the curve shows something a reader can use: the gap between
 * the sides stands far (100x) above the bottom of the method's own error, and
 * that error is a V (it spans at least two decades). Otherwise the plot is two
 * flat lines (a derivative that finite differences take exactly, or a gap at
 * round-off) and the counterexample alone is the evidence.
 */
export function curveShowsSomething(curve: ErrorCurve): boolean {
  const gaps = curve.points.map((p) => p.gap).filter((g) => Number.isFinite(g) && g > 0).sort((a, b) => a - b);
  const method = curve.points.map((p) => p.methodError).filter((e) => Number.isFinite(e) && e > 0);
  if (gaps.length < 5 || method.length < 5) return false;
  const medianGap = gaps[Math.floor(gaps.length / 2)];
  const bottom = Math.min(...method);
  const top = Math.max(...method);
  return medianGap >= 100 * bottom && top >= 100 * bottom && medianGap > FLOOR;
}

export function errorCurveSvg(curve: ErrorCurve, caption: string): string {
  const pts = curve.points;
  const logs = (pick: (p: (typeof pts)[number]) => number) =>
    pts.map((p) => ({ x: Math.log10(p.h), y: Number.isFinite(pick(p)) ? Math.log10(Math.max(pick(p), FLOOR)) : NaN }));
  const gap = logs((p) => p.gap);
  const method = logs((p) => p.methodError);
  const ys = [...gap, ...method].map((p) => p.y).filter(Number.isFinite);
  if (curve.tolerance !== undefined && curve.tolerance > 0) ys.push(Math.log10(curve.tolerance));
  if (ys.length === 0) return '';
  // The axes fit the data: the decades the curves and the tolerance occupy, and the step sizes that have a value.
  const yMin = Math.floor(Math.min(...ys));
  const yMax = Math.max(Math.ceil(Math.max(...ys) + 0.5), yMin + 1);
  const xs = [...gap, ...method].filter((p) => Number.isFinite(p.y)).map((p) => p.x);
  const xMin = Math.floor(Math.min(...xs));
  const xMax = Math.max(Math.ceil(Math.max(...xs)), xMin + 1);
  const px = (x: number) => M.left + ((x - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const py = (y: number) => M.top + ((yMax - y) / (yMax - yMin)) * (H - M.top - M.bottom);
  const f = (v: number) => v.toFixed(1);

  const out: string[] = [];
  out.push(`<svg class="dc-plot" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" xmlns="http://www.w3.org/2000/svg" aria-label="${escapeHtml(caption)}">`);
  out.push(`<title>${escapeHtml(caption)}</title>`);
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" class="dc-plot-area"/>`);
  const yStep = Math.max(1, Math.ceil((yMax - yMin) / 8));
  for (let y = yMin; y <= yMax; y += yStep) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(py(y))}" y2="${f(py(y))}" class="dc-grid"/>`);
    out.push(`<text x="${M.left - 6}" y="${f(py(y) + 4)}" text-anchor="end" class="dc-tick">10<tspan dy="-6" font-size="9">${y}</tspan></text>`);
  }
  for (let x = xMin; x <= xMax; x++) {
    out.push(`<line y1="${M.top}" y2="${H - M.bottom}" x1="${f(px(x))}" x2="${f(px(x))}" class="dc-grid"/>`);
    if ((x - xMin) % 1 === 0) out.push(`<text x="${f(px(x))}" y="${H - M.bottom + 16}" text-anchor="middle" class="dc-tick">10<tspan dy="-6" font-size="9">${x}</tspan></text>`);
  }
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 34}" text-anchor="middle" class="dc-axis">step size h${curve.variable ? ` (in ${escapeHtml(curve.variable)})` : ''}</text>`);
  out.push(`<text x="14" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" class="dc-axis" transform="rotate(-90 14 ${(M.top + H - M.bottom) / 2})">absolute difference</text>`);
  if (curve.tolerance !== undefined && curve.tolerance > 0) {
    const y = f(py(Math.log10(curve.tolerance)));
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" class="dc-tolerance"/>`);
    out.push(`<text x="${W - M.right - 4}" y="${Number(y) - 4}" text-anchor="end" class="dc-tick">allowed</text>`);
  }
  const line = (points: { x: number; y: number }[], cls: string) => {
    const segments: string[][] = [[]];
    for (const p of points) {
      if (Number.isFinite(p.y)) segments[segments.length - 1].push(`${f(px(p.x))},${f(py(p.y))}`);
      else if (segments[segments.length - 1].length > 0) segments.push([]);
    }
    return segments.filter((s) => s.length > 1).map((s) => `<polyline points="${s.join(' ')}" class="${cls}"/>`).join('');
  };
  out.push(line(method, 'dc-curve-method'));
  out.push(line(gap, 'dc-curve-gap'));
  // legend
  const lx = M.left + 4;
  const ly = H - M.bottom + 54;
  out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" class="dc-curve-gap"/><text x="${lx + 28}" y="${ly + 4}" class="dc-tick">|lhs(h) − rhs(h)|: the gap between the sides</text>`);
  out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly + 18}" y2="${ly + 18}" class="dc-curve-method"/><text x="${lx + 28}" y="${ly + 22}" class="dc-tick">|${curve.side}(h) − ${curve.side}*|: error of the difference itself</text>`);
  out.push('</svg>');
  return out.join('');
}
