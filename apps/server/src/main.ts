/** `npm start`: the server on the configured database, until SIGTERM or SIGINT. */
import { Cause, Effect, Exit } from "effect";
import { ServerConfig } from "./config.js";
import { startServer } from "./http-server.js";

const read = await Effect.runPromiseExit(ServerConfig);
if (Exit.isFailure(read)) {
  console.error(`liuhen server: bad configuration: ${Cause.pretty(read.cause)}`);
  process.exit(1);
}
const config = read.value;
const server = await startServer(config).catch((error: unknown) => {
  console.error(`liuhen server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
