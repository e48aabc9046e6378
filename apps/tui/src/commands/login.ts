/**
 * `liuhen login` and `liuhen logout`: a bearer token for the terminal UI. Login signs in once with the
 * password (asked for, or read from stdin with `--password-stdin`), creates a token named for this machine,
 * signs the session out again and keeps only the token (see `session/credentials-file.ts`). If the password
 * was set by an administrator or the operator, the server lets nothing be done until it is changed: login
 * says so, asks for a new one and changes it first, or, reading from stdin, points to `liuhen password` and
 * keeps nothing. Logout revokes the token on the server and removes it here. Exit 0 done, 2 refused (wrong
 * password, throttled, a change still owed), 1 otherwise.
 */
import { Command, Options, Prompt } from "@effect/cli";
import { Console, Effect, Option, Redacted } from "effect";
import { ExitCode } from "../exit-code.js";
import { bearerClient } from "../session/api-client.js";
import { readCredentials, removeCredentials } from "../session/credentials-file.js";
import {
  askNewPassword,
  changePassword,
  failure,
  keepToken,
  MUST_CHANGE_NOTICE,
  openSession,
  signOut,
  stdinLines,
} from "../session/sign-in.js";

/** The options `liuhen login` and `liuhen password` share: where and as whom. */
export const signInOptions = {
  server: Options.text("server").pipe(
    Options.withDefault("http://127.0.0.1:3000"),
    Options.withDescription("the Liuhen server"),
  ),
  agency: Options.text("agency").pipe(Options.withDescription("the agency id, e.g. qianjiang-msa")),
  username: Options.text("username"),
};

export const loginCommand = Command.make(
  "login",
  {
    ...signInOptions,
    passwordStdin: Options.boolean("password-stdin").pipe(
      Options.withDescription("read the password from standard input instead of asking"),
    ),
  },
  ({ server, agency, username, passwordStdin }) =>
    Effect.gen(function* () {
      const password = passwordStdin
        ? ((yield* stdinLines)[0] ?? "")
        : Redacted.value(yield* Prompt.password({ message: "密码 / password" }));
      const where = { base: server.replace(/\/+$/, ""), agency, username };
      const { client, mustChangePassword } = yield* openSession(where, password);
      if (mustChangePassword) {
        yield* Console.error(MUST_CHANGE_NOTICE);
        if (passwordStdin) {
          yield* signOut(client);
          yield* Console.error(
            `请先运行 / run first: liuhen password --server ${where.base} --agency ${agency} --username ${username}`,
          );
          return ExitCode.Rejected;
        }
        const newPassword = yield* askNewPassword.pipe(Effect.tapError(() => signOut(client)));
        yield* changePassword(client, password, newPassword).pipe(Effect.tapError(() => signOut(client)));
        yield* Console.log("密码已修改 / password changed");
      }
      yield* keepToken(client, where);
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
