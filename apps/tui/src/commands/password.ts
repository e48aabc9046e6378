/**
 * `liuhen password`: the holder changes their own password through the server, with the current one (asked
 * for, or with `--password-stdin` the current and the new one, a line each). It is how a password an
 * administrator or the operator set is replaced before anything else can be done. The change ends every
 * other session and token of the account, the terminal's included, so the command keeps a new token as
 * `liuhen login` does. Exit 0 done, 2 refused (wrong password, a new one too short or the same as one set by
 * someone else, two answers that differ), 1 otherwise.
 */
import { Command, Options, Prompt } from "@effect/cli";
import { Console, Effect, Redacted } from "effect";
import { ExitCode } from "../exit-code.js";
import {
  askNewPassword,
  changePassword,
  failure,
  keepToken,
  openSession,
  signOut,
  stdinLines,
} from "../session/sign-in.js";
import { signInOptions } from "./login.js";

export const passwordCommand = Command.make(
  "password",
  {
    ...signInOptions,
    passwordStdin: Options.boolean("password-stdin").pipe(
      Options.withDescription("read the current and the new password, one a line, from standard input"),
    ),
  },
  ({ server, agency, username, passwordStdin }) =>
    Effect.gen(function* () {
      const where = { base: server.replace(/\/+$/, ""), agency, username };
      const [current, next] = passwordStdin
        ? yield* Effect.map(stdinLines, (lines) => [lines[0] ?? "", lines[1] ?? ""] as const)
        : [Redacted.value(yield* Prompt.password({ message: "当前密码 / current password" })), null];
      const { client } = yield* openSession(where, current);
      const newPassword = next ?? (yield* askNewPassword.pipe(Effect.tapError(() => signOut(client))));
      yield* changePassword(client, current, newPassword).pipe(Effect.tapError(() => signOut(client)));
      yield* Console.log("密码已修改 / password changed");
      yield* keepToken(client, where);
      return ExitCode.Ok;
    }).pipe(Effect.catchAll(failure("修改密码失败 / password change failed")), Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("change your password (required first when an administrator set it)"));
