/**
 * What `liuhen login` and `liuhen password` share: a web session opened only for the command's own use (to
 * change the password, to make a token), then a token made for this machine, the session signed out and the
 * token kept. A password someone else set (an administrator, the operator) must be changed in that session
 * before the server makes a token: until then it answers only `auth.me`, `auth.changePassword` and
 * `auth.logout`.
 */
import * as os from "node:os";
import { text } from "node:stream/consumers";
import { Prompt } from "@effect/cli";
import { TRPCClientError } from "@trpc/client";
import { Console, Effect, Redacted, Schema } from "effect";
import { ExitCode } from "../exit-code.js";
import { type ApiClient, sessionClient } from "./api-client.js";
import { credentialsPath, writeCredentials } from "./credentials-file.js";

/** Something the user gave that the command itself refuses (exit 2), such as two new passwords that differ. */
export class Refused extends Schema.TaggedError<Refused>()("Refused", { message: Schema.String }) {}

// Refusals by the server for what the user gave (exit 2); anything else, unreachable server included, is 1.
const REFUSALS = new Set(["UNAUTHORIZED", "TOO_MANY_REQUESTS", "BAD_REQUEST", "FORBIDDEN"]);

export const failure = (what: string) => (error: unknown) => {
  const refused =
    error instanceof Refused ||
    (error instanceof TRPCClientError && REFUSALS.has(String(error.data?.code ?? "")));
  const message = error instanceof Error ? error.message : String(error);
  return Effect.as(Console.error(`${what}: ${message}`), refused ? ExitCode.Rejected : ExitCode.Failure);
};

export interface Where {
  readonly base: string;
  readonly agency: string;
  readonly username: string;
}

/** A session of `username`, its CSRF token in use, and whether the password must be changed first. */
export const openSession = (
  where: Where,
  password: string,
): Effect.Effect<{ readonly client: ApiClient; readonly mustChangePassword: boolean }, unknown> =>
  Effect.tryPromise({
    try: async () => {
      const { client, adoptCsrf } = sessionClient(where.base);
      const session = await client.auth.login.mutate({
        agency: where.agency,
        username: where.username,
        password,
      });
      adoptCsrf(session.csrfToken);
      return { client, mustChangePassword: session.mustChangePassword };
    },
    catch: (error) => error,
  });

/** Changes the password within the session; the session goes on, every other session and token ends. */
export const changePassword = (client: ApiClient, currentPassword: string, newPassword: string) =>
  Effect.tryPromise({
    try: () => client.auth.changePassword.mutate({ currentPassword, newPassword }),
    catch: (error) => error,
  });

/** Makes a token for this machine, signs the session out and keeps the token in the credentials file. */
export const keepToken = (client: ApiClient, where: Where) =>
  Effect.gen(function* () {
    const issued = yield* Effect.tryPromise({
      try: async () => {
        const token = await client.auth.createToken.mutate({
          name: `liuhen@${os.hostname()}`.slice(0, 100),
        });
        await client.auth.logout.mutate();
        return token;
      },
      catch: (error) => error,
    });
    writeCredentials({
      server: where.base,
      agency: where.agency,
      username: where.username,
      tokenId: issued.tokenId,
      token: issued.token,
    });
    yield* Console.log(
      `已登录 / signed in: ${where.username} @ ${where.agency} on ${where.base} (token kept in ${credentialsPath()})`,
    );
  });

/** Signs the session out, for a command that stops before making a token. */
export const signOut = (client: ApiClient) =>
  Effect.tryPromise({ try: () => client.auth.logout.mutate(), catch: (error) => error });

/** Standard input's lines, for `--password-stdin`. */
export const stdinLines = Effect.map(
  Effect.promise(() => text(process.stdin)),
  (input) => input.split(/\r?\n/),
);

/** A new password, asked for twice; two answers that differ are refused. */
export const askNewPassword = Effect.gen(function* () {
  const first = yield* Prompt.password({ message: "新密码 / new password" });
  const again = yield* Prompt.password({ message: "再次输入新密码 / new password again" });
  if (Redacted.value(first) !== Redacted.value(again)) {
    return yield* new Refused({ message: "两次输入的新密码不一致 / the two new passwords differ" });
  }
  return Redacted.value(first);
});

/** What the user is told when the server says their password must be changed first. */
export const MUST_CHANGE_NOTICE =
  "须先修改密码：此密码由管理员或运维人员设置 / you must change your password first: it was set by an administrator or the operator";
