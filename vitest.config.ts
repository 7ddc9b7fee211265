import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The project's tests test the sources: an import of the package by name gets
  // src/, not the built dist/ (which scripts/test-package.sh tests from outside).
  resolve: {
    alias: [
      { find: /^derivcheck$/, replacement: source('./src/index.ts') },
      { find: /^derivcheck\/vitest$/, replacement: source('./src/vitest/index.ts') },
      { find: /^derivcheck\/notebook$/, replacement: source('./src/notebook/index.ts') },
    ],
  },
  test: {
    setupFiles: ['test/setup.ts'],
    include: ['test/**/*.test.ts'],
    // Speed is the benchmarks' to measure, not the tests': vitest's default of 5 s failed a KL test that takes 5.4 s
    // on the machine of 2026-12-07 (a test that needs longer still sets its own).
    testTimeout: 60_000,
  },
});
