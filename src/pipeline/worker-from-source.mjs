// The worker entry when derivcheck runs from its TypeScript sources (tsx, vitest):
// a worker thread does not inherit the parent's loader hooks, so it registers tsx
// itself, then loads the worker. A bundled build (dist/) starts dist/worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
