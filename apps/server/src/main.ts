/**
 * The server on the configured database, until SIGTERM or SIGINT. `--demo` (what `npm start` passes) seeds
 * the demo agency into an empty database and prints its accounts' passwords, this once.
 */
import { Cause, Effect, Exit } from "effect";
import { ServerConfig } from "./config.js";
import { demoGreeting } from "./demo/demo-greeting.js";
import { startServer } from "./http-server.js";

const read = await Effect.runPromiseExit(ServerConfig);
if (Exit.isFailure(read)) {
  console.error(`liuhen server: bad configuration: ${Cause.pretty(read.cause)}`);
  process.exit(1);
}
const config = process.argv.includes("--demo") ? { ...read.value, demo: true } : read.value;
const server = await startServer(config).catch((error: unknown) => {
  console.error(`liuhen server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

if (server.demo !== null) console.log(demoGreeting(server.demo, server.url));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
