/** The machine a run measured on: every row of the report states it, since figures mean nothing without it. */
import os from "node:os";

export interface Machine {
  readonly cpuModel: string;
  /** Logical cores the OS reports. */
  readonly cores: number;
  /** What Node may use (cgroup limits included). */
  readonly availableParallelism: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  readonly totalMemoryMiB: number;
  /** 1, 5 and 15 minute load averages when the run started: above `cores`, other work was competing. */
  readonly loadAverageAtStart: ReadonlyArray<number>;
}

export const machine = (): Machine => {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
};

export const loadAverage = (): ReadonlyArray<number> => os.loadavg().map((l) => Math.round(l * 100) / 100);
