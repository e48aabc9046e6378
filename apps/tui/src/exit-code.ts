/** The `liuhen` command's exit codes: 0 done, 1 internal failure, 2 some input was rejected. */
import { Effect } from "effect";

export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Rejected: 2,
  /** Records the code the process ends with; `main.ts`'s teardown honours it. */
  set: (code: number) =>
    Effect.sync(() => {
      process.exitCode = code;
    }),
} as const;
