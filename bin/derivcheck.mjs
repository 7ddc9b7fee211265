#!/usr/bin/env node
// The command: plain node runs the built JavaScript in dist/ (npm run build writes
// it; npm ci and npm install from git run the build through `prepare`).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('derivcheck: dist/ is missing: the package is not built\nhint: run npm run build (npm ci does it too)\n');
  process.exit(2);
}
// A reader that closes the pipe early (derivcheck check ... --json | head) has all it wants: end quietly, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
try {
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (error) {
  // A bug in derivcheck, not in the user's input: one line, the stack only on request.
  process.stderr.write(`derivcheck: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DERIVCHECK_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
  else process.stderr.write('hint: this is a bug in derivcheck; DERIVCHECK_DEBUG=1 shows where it happened\n');
  process.exitCode = 1;
}
