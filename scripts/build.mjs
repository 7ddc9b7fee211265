#!/usr/bin/env node
/**
 * `npm run build`: the package as users get it, in dist/.
 *
 * - JavaScript: esbuild bundles each entry point (ESM, tree-shaken, minified)
 *   with code split into shared chunks. Everything an entry imports is found
 *   by following its imports: a new module under src/ needs no change here.
 *   Bundling keeps only mathjs's parser (all of mathjs costs over a second to
 *   import) and loads fast-check and decimal.js from one file, not hundreds.
 *   katex stays outside (its stylesheet and fonts are read from its package
 *   when a report is written) and is loaded on first use; vitest and tslab are
 *   the user's own.
 * - Declarations: the pinned TypeScript (tsconfig.build.json) writes .d.ts files
 *   to dist/types/, with relative imports pointing at .js, as a user's
 *   compiler expects under NodeNext.
 *
 * Every file lands flat in dist/ (dist/types/ aside), so that a module's
 * `new URL('./x.js', import.meta.url)` finds x.js wherever the bundler put the
 * module. A module started as a worker thread is named `worker.ts` and becomes
 * its own entry, dist/worker.js.
 *
 * `prepare` (npm ci, npm install from git) runs this only where it exists: the
 * packed package holds dist/ but not scripts/, and must install without a build.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** The entry points, as dist/NAME.js: package.json's exports and bin point at these. */
const ENTRIES = {
  index: 'src/index.ts',
  vitest: 'src/vitest/index.ts',
  notebook: 'src/notebook/index.ts',
  cli: 'src/cli.ts',
};

/** Every `worker.ts` under src/: each runs in a thread of its own, so each is an entry (dist/worker.js). */
function workerEntries() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'worker.ts') found.push(relative(root, path));
    }
  };
  walk(join(root, 'src'));
  if (found.length > 1) fail(`several modules named worker.ts (${found.join(', ')}): dist/worker.js can be only one of them`);
  return found.length === 1 ? { worker: found[0] } : {};
}

function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });

const workers = workerEntries();
await build({
  absWorkingDir: root,
  entryPoints: { ...ENTRIES, ...workers },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.DERIVCHECK_BUILD_MINIFY !== '0',
  chunkNames: 'chunk-[hash]',
  external: ['katex', 'vitest', 'tslab'],
  logLevel: 'warning',
}).catch(() => fail('esbuild failed (see above)'));

// The pinned compiler, by path: node_modules/.bin/tsc may be another package's TypeScript.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const types = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (types.status !== 0) fail('declarations: tsc failed (see above)');
rewriteDeclarationImports(join(dist, 'types'));

process.stderr.write(`build: dist/ written (${Object.keys({ ...ENTRIES, ...workers }).join(', ')}; types in dist/types/)\n`);

/**
 * The sources import each other as `./x.ts`; the declarations sit beside no
 * .ts file, so their relative imports must name `./x.js` (which a compiler
 * maps to `./x.d.ts`).
 */
function rewriteDeclarationImports(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { rewriteDeclarationImports(path); continue; }
    if (!entry.name.endsWith('.d.ts')) continue;
    const text = readFileSync(path, 'utf8');
    const rewritten = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
    if (rewritten !== text) writeFileSync(path, rewritten);
  }
}
