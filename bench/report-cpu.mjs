// Preloaded into the cold-start child processes of bench/suite.ts (node --import):
// at exit, the CPU time of the whole process (every thread, workers included) goes
// to stderr as one JSON line, so the bench can tell CPU from waiting on a busy machine.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n@@cpu ${JSON.stringify({ cpu_ms: (user + system) / 1000 })}\n`);
});
