/**
 * Preloaded into a child process the bench measures (`node --import <this file> …`): when the process exits,
 * it writes its own resource usage — peak resident set size (getrusage's ru_maxrss) and CPU time — as JSON
 * to the file named by LIUHEN_BENCH_USAGE_FILE. The process measured is the real command, unchanged: this
 * only adds an `exit` listener, which runs after everything else the process did.
 */
import { writeFileSync } from "node:fs";

const out = process.env.LIUHEN_BENCH_USAGE_FILE;
if (out !== undefined && out !== "") {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({
        pid: process.pid,
        maxRssKiB: usage.maxRSS,
        userCpuMicros: usage.userCPUTime,
        systemCpuMicros: usage.systemCPUTime,
      }),
    );
  });
}
