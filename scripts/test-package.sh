#!/usr/bin/env bash
# The package as a user gets it: pack it, install the tarball into a fresh
# temporary project, and use it from outside, as README.md says a user would:
# import from .mjs, require from .cjs, the README's Library section verbatim
# (ESM and CommonJS), a type-check under strict NodeNext with the pinned
# TypeScript, `npx derivcheck` on one file, and a vitest test with
# derivcheck/vitest. Installs prefer the npm cache (npm ci filled it), so this
# runs offline once the repository's own packages are installed.
#
# usage: scripts/test-package.sh        (npm run test:package)
# DERIVCHECK_KEEP=1 keeps the temporary project and prints where it is.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/derivcheck-package-XXXXXX")"
if [ -z "${DERIVCHECK_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'test-package: %s\n' "$*" >&2; exit 1; }

step "npm pack (prepare builds dist/)"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"
contents="$(tar tzf "$work/$tarball")"
for wanted in package/dist/index.js package/dist/cli.js package/dist/vitest.js package/dist/notebook.js \
  package/dist/types/index.d.ts package/bin/derivcheck.mjs package/README.md package/LICENSE package/docs/syntax.md; do
  grep -qx "$wanted" <<<"$contents" || fail "the tarball lacks $wanted"
done
unwanted="$(grep -E '^package/(src|test|bench|derivations|notebooks|scripts|\.ci)/|\.png$|\.map$' <<<"$contents" || true)"
[ -z "$unwanted" ] || fail "the tarball ships what a user does not need:
$unwanted"
echo "$tarball: $(wc -l <<<"$contents") files"

step "a fresh project: install the tarball (and vitest for the matcher test)"
project="$work/project"
cp -r "$repo/test/package/fixture" "$project"
vitest_version="$(node -p "require('$repo/package.json').devDependencies.vitest")"
(cd "$project" && npm install --prefer-offline --no-audit --no-fund --loglevel=warn "$work/$tarball" "vitest@$vitest_version") 2>&1 | tee "$work/install.log"
# The engines fields must be true on this Node: no dependency that wants a newer one.
if grep -q EBADENGINE "$work/install.log"; then fail "npm install warned EBADENGINE on Node $(node --version)"; fi

step "README's Library section, verbatim, as an ES module and as CommonJS"
node "$repo/test/package/readme-library.mjs" "$project/node_modules/derivcheck/README.md" "$project"
(cd "$project" && node readme-library.mjs > readme-esm.out && node readme-library.cjs > readme-cjs.out)
node "$repo/test/package/readme-library.mjs" --compare "$project/node_modules/derivcheck/README.md" "$project"

step "import from .mjs, require from .cjs"
(cd "$project" && node import.mjs && node require.cjs)

step "type-check under strict NodeNext with the pinned TypeScript"
(cd "$project" && node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json)
echo "tsc: no errors"

step "npx derivcheck"
(cd "$project" && npx --no-install derivcheck --version) | grep -qx "derivcheck $(node -p "require('$repo/package.json').version")" \
  || fail "derivcheck --version does not print the package's version"
(cd "$project" && npx --no-install derivcheck check node_modules/derivcheck/docs/example.deriv --seed 1) > "$work/example.out" \
  || { cat "$work/example.out"; fail "derivcheck check docs/example.deriv failed"; }
tail -n 1 "$work/example.out"
grep -q 'all as expected' "$work/example.out" || fail "the example's verdicts are not as expected"
# An output path that cannot be written: exit 2 before the run, a message and a hint, no stack trace.
set +e
(cd "$project" && npx --no-install derivcheck check node_modules/derivcheck/docs/example.deriv --html /nonexistent/dir/r.html) > "$work/io.out" 2> "$work/io.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "--html /nonexistent/dir/r.html exited with $status, not 2"
[ ! -s "$work/io.out" ] || fail "--html /nonexistent/dir/r.html ran the check anyway"
grep -q '^derivcheck: io error' "$work/io.err" || fail "--html /nonexistent/dir/r.html: no io error on stderr"
if grep -qE '^\s+at ' "$work/io.err"; then fail "--html /nonexistent/dir/r.html printed a stack trace"; fi
head -n 1 "$work/io.err"

step "vitest with derivcheck/vitest"
(cd "$project" && npx --no-install vitest run --reporter=dot)

printf '\npackage test: ok\n'
