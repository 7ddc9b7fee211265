// Preloaded into the processes bench/startup.ts times (node --import): at exit,
// one line on stderr with the process's CPU time (user + system, all threads),
// which a busy machine inflates far less than the wall time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `\nderivcheck-bench-cpu-ms ${(user + system) / 1000}\n`);
});
