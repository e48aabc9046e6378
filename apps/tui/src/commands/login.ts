/**
 * `liuhen login` and `liuhen logout`: a bearer token for the terminal UI. Login signs in once with the
 * password (asked for, or read from stdin with `--password-stdin`), creates a token named for this machine,
 * signs the session out again and keeps only the token (see `session/credentials-file.ts`). Logout revokes the
 * token on the server and removes it here. Exit 0 done, 2 refused (wrong password, throttled), 1 otherwise.
 */
import * as os from "node:os";
import { text } from "node:stream/consumers";
import { Command, Options, Prompt } from "@effect/cli";
import { TRPCClientError } from "@trpc/client";
import { Console, Effect, Option, Redacted } from "effect";
import { ExitCode } from "../exit-code.js";
import { bearerClient, sessionClient } from "../session/api-client.js";
import {
  credentialsPath,
  readCredentials,
  removeCredentials,
  writeCredentials,
} from "../session/credentials-file.js";

// Refusals by the server for what the user gave (exit 2); anything else, unreachable server included, is 1.
const REFUSALS = new Set(["UNAUTHORIZED", "TOO_MANY_REQUESTS", "BAD_REQUEST", "FORBIDDEN"]);

const failure = (what: string) => (error: unknown) => {
  const refused = error instanceof TRPCClientError && REFUSALS.has(String(error.data?.code ?? ""));
  const message = error instanceof Error ? error.message : String(error);
  return Effect.as(Console.error(`${what}: ${message}`), refused ? ExitCode.Rejected : ExitCode.Failure);
};

export const loginCommand = Command.make(
  "login",
  {
    server: Options.text("server").pipe(
      Options.withDefault("http://127.0.0.1:3000"),
      Options.withDescription("the Liuhen server"),
    ),
    agency: Options.text("agency").pipe(Options.withDescription("the agency id, e.g. qianjiang-msa")),
    username: Options.text("username"),
    passwordStdin: Options.boolean("password-stdin").pipe(
      Options.withDescription("read the password from standard input instead of asking"),
    ),
  },
  ({ server, agency, username, passwordStdin }) =>
    Effect.gen(function* () {
      const password = passwordStdin
        ? (yield* Effect.promise(() => text(process.stdin))).replace(/\r?\n$/, "")
        : Redacted.value(yield* Prompt.password({ message: "密码 / password" }));
      const base = server.replace(/\/+$/, "");
      const issued = yield* Effect.tryPromise({
        try: async () => {
          const { client, useCsrf } = sessionClient(base);
          const session = await client.auth.login.mutate({ agency, username, password });
          useCsrf(session.csrfToken);
          const token = await client.auth.createToken.mutate({
            name: `liuhen@${os.hostname()}`.slice(0, 100),
          });
          await client.auth.logout.mutate();
          return token;
        },
        catch: (error) => error,
      });
      writeCredentials({ server: base, agency, username, tokenId: issued.tokenId, token: issued.token });
      yield* Console.log(
        `已登录 / signed in: ${username} @ ${agency} on ${base} (token kept in ${credentialsPath()})`,
      );
      return ExitCode.Ok;
    }).pipe(Effect.catchAll(failure("登录失败 / login failed")), Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("sign in and keep a bearer token for the terminal UI"));

export const logoutCommand = Command.make("logout", {}, () =>
  Effect.gen(function* () {
    const credentials = readCredentials();
    if (credentials === null) {
      yield* Console.log("未登录 / not signed in");
      return ExitCode.Ok;
    }
    const revoked = yield* Effect.tryPromise({
      try: () =>
        bearerClient(credentials.server, credentials.token).auth.revokeToken.mutate({
          tokenId: credentials.tokenId,
        }),
      catch: (error) => error,
    }).pipe(Effect.option);
    // The token is removed here either way; if the server could not revoke it, say so.
    removeCredentials();
    if (Option.isNone(revoked)) {
      yield* Console.error(
        `已删除本地令牌，但服务器未能吊销 / removed here, but the server did not revoke token ${credentials.tokenId}`,
      );
      return ExitCode.Failure;
    }
    yield* Console.log(`已退出 / signed out: ${credentials.username} @ ${credentials.agency}`);
    return ExitCode.Ok;
  }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("revoke the terminal UI's token and remove it"));
