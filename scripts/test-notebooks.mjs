#!/usr/bin/env node
/**
 * Executes every notebook in notebooks/ headless with Debian's Jupyter and the
 * repository's tslab kernel, and fails on any cell error. Each executed notebook
 * must also show rich output (text/html and text/markdown display data).
 *
 * Needs: apt-get install -y jupyter-nbconvert python3-ipykernel jupyter-client python3-nbformat
 * (run with Debian's /usr/bin/python3, not a pyenv/conda python first on PATH), and npm ci.
 * The kernel spec is written to a temporary prefix: nothing is installed for the user.
 *
 * usage: node scripts/test-notebooks.mjs [notebook.ipynb ...]
 * DERIVCHECK_NOTEBOOK_OUT=dir keeps the executed notebooks in dir.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.DERIVCHECK_PYTHON ?? '/usr/bin/python3';
const TSLAB = join(root, 'node_modules', '.bin', 'tslab');

function fail(message) {
  console.error(`test-notebooks: ${message}`);
  process.exit(1);
}

if (!existsSync(PYTHON)) fail(`${PYTHON} is missing: apt-get install -y jupyter-nbconvert python3-ipykernel jupyter-client python3-nbformat`);
const probe = spawnSync(PYTHON, ['-c', 'import nbconvert, nbformat, jupyter_client, ipykernel'], { encoding: 'utf8' });
if (probe.status !== 0) {
  fail(`${PYTHON} cannot import Jupyter (${probe.stderr.trim().split('\n').at(-1)}): apt-get install -y jupyter-nbconvert python3-ipykernel jupyter-client python3-nbformat`);
}
if (!existsSync(TSLAB)) fail(`${TSLAB} is missing: run npm ci`);

const args = process.argv.slice(2);
const notebooks = args.length > 0
  ? args.map((a) => resolve(a))
  : readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort().map((f) => join(root, 'notebooks', f));
if (notebooks.length === 0) fail('no notebooks found in notebooks/');

const tmp = mkdtempSync(join(tmpdir(), 'derivcheck-notebooks-'));
const prefix = join(tmp, 'prefix');
// DERIVCHECK_NOTEBOOK_OUT=dir keeps the executed notebooks there, to look at.
const outDir = process.env.DERIVCHECK_NOTEBOOK_OUT ? resolve(process.env.DERIVCHECK_NOTEBOOK_OUT) : join(tmp, 'out');
const env = {
  ...process.env,
  JUPYTER_PATH: join(prefix, 'share', 'jupyter'),
  JUPYTER_RUNTIME_DIR: join(tmp, 'runtime'),
  JUPYTER_CONFIG_DIR: join(tmp, 'config'),
  JUPYTER_PLATFORM_DIRS: '1',
  PYDEVD_DISABLE_FILE_VALIDATION: '1',
};

let passed = 0;
let failed = 0;
try {
  const install = spawnSync(TSLAB, ['install', `--python=${PYTHON}`, `--binary=${TSLAB}`, `--prefix=${prefix}`], { encoding: 'utf8', env });
  if (install.status !== 0) fail(`tslab install failed:\n${install.stdout}${install.stderr}`);

  for (const notebook of notebooks) {
    const name = basename(notebook);
    const started = Date.now();
    const run = spawnSync(PYTHON, [
      '-m', 'nbconvert', '--to', 'notebook', '--execute',
      '--ExecutePreprocessor.kernel_name=tslab', '--ExecutePreprocessor.timeout=600',
      '--output-dir', outDir, notebook,
    ], { encoding: 'utf8', env, cwd: root, maxBuffer: 64 * 1024 * 1024 });
    const problems = [];
    if (run.status !== 0) problems.push(`nbconvert exited with ${run.status}:\n${(run.stderr ?? '').split('\n').slice(-25).join('\n')}`);
    const executed = join(outDir, name);
    if (run.status === 0) {
      if (!existsSync(executed)) problems.push(`no executed notebook at ${executed}`);
      else problems.push(...inspect(JSON.parse(readFileSync(executed, 'utf8'))));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length === 0) {
      passed++;
      console.log(`✓ ${name} (${seconds} s)`);
    } else {
      failed++;
      console.log(`✗ ${name} (${seconds} s)`);
      for (const p of problems) console.log(p.split('\n').map((l) => `    ${l}`).join('\n'));
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`notebooks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** What is wrong with an executed notebook: errors, stderr, missing rich output. */
function inspect(nb) {
  const problems = [];
  let html = 0;
  let markdown = 0;
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    const source = (Array.isArray(cell.source) ? cell.source.join('') : cell.source).split('\n')[0];
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'error') problems.push(`cell ${i} (${source}): ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr') {
        const text = Array.isArray(out.text) ? out.text.join('') : out.text;
        problems.push(`cell ${i} (${source}) wrote to stderr:\n${text}`);
      }
      if (out.output_type === 'display_data' || out.output_type === 'execute_result') {
        const data = out.data ?? {};
        if (data['text/html'] !== undefined) {
          html++;
          const text = Array.isArray(data['text/html']) ? data['text/html'].join('') : data['text/html'];
          if (!text.includes('class="dc"')) problems.push(`cell ${i}: text/html output is not a derivcheck report`);
          if (text.includes('katex-error')) problems.push(`cell ${i}: an equation failed to typeset`);
        }
        if (data['text/markdown'] !== undefined) markdown++;
      }
    }
  });
  if (html === 0) problems.push('no text/html output: the reports did not display');
  if (markdown === 0) problems.push('no text/markdown output');
  return problems;
}
