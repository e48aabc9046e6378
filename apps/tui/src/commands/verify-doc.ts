/**
 * `liuhen verify-doc CODE FILE`: checks an official document (the PDF or DOCX someone holds) against the
 * log. The server is asked what it recorded under the verification code printed in the document's footer,
 * and whether the file's SHA-256, computed here, is one of the files issued under it. No sign-in is needed:
 * a code is printed for anyone to check. Exit 0 the file checks out, 2 it does not (or the code is unknown),
 * 1 when it cannot be checked (unreadable file, server unreachable).
 *
 * `--server` is the server's address; without it the one `liuhen login` saved is used.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { Args, Command, Options } from "@effect/cli";
import type { AppRouter } from "@liuhen/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { Console, Effect, Option } from "effect";
import { ExitCode } from "../exit-code.js";
import { readCredentials } from "../session/credentials-file.js";

export const verifyDocCommand = Command.make(
  "verify-doc",
  {
    code: Args.text({ name: "CODE" }).pipe(
      Args.withDescription("the verification code printed in the footer"),
    ),
    file: Args.file({ name: "FILE", exists: "yes" }).pipe(Args.withDescription("the document's PDF or DOCX")),
    server: Options.text("server").pipe(Options.optional, Options.withDescription("the server's address")),
    json: Options.boolean("json").pipe(Options.withDescription("print JSON instead of text")),
  },
  ({ code, file, server, json }) =>
    Effect.gen(function* () {
      const address = Option.getOrElse(server, () => readCredentials()?.server ?? "");
      if (address === "") {
        yield* Console.error("--server: 请指定服务器地址 / name the server (or run liuhen login first)");
        return ExitCode.Rejected;
      }
      const bytes = yield* Effect.try(() => fs.readFileSync(file)).pipe(Effect.either);
      if (bytes._tag === "Left") {
        yield* Console.error(`FILE: 无法读取 / cannot read ${file}`);
        return ExitCode.Failure;
      }
      const sha256 = createHash("sha256").update(bytes.right).digest("hex");
      const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${address}/trpc` })] });
      const answer = yield* Effect.tryPromise(() => client.documents.verify.query({ code, sha256 })).pipe(
        Effect.either,
      );
      if (answer._tag === "Left") {
        const cause = answer.left.error as { message?: string; data?: { code?: string } };
        const rejected = cause?.data?.code === "BAD_REQUEST";
        yield* Console.error(
          rejected
            ? `CODE: 核验码格式不正确 / not a verification code: ${cause.message ?? ""}`
            : `无法连接服务器 / could not ask the server: ${cause?.message ?? String(answer.left)}`,
        );
        return rejected ? ExitCode.Rejected : ExitCode.Failure;
      }
      const result = answer.right;
      const matched = result.documents.filter((d) => d.fileMatches === true);
      if (json) {
        yield* Console.log(JSON.stringify({ ...result, sha256, verified: matched.length > 0 }, null, 2));
      } else if (!result.found) {
        yield* Console.log(
          `✗ 核验码 ${result.code} 未在日志中登记 / no document is recorded under this code`,
        );
      } else {
        for (const d of result.documents) {
          yield* Console.log(`${d.number}\t${d.title}\t${d.issuedOn}`);
        }
        yield* Console.log(
          matched.length > 0
            ? `✓ 文件与登记一致 / the file is the one issued (SHA-256 ${sha256})`
            : `✗ 文件与登记不符，可能已被改动 / the file is not the one issued (SHA-256 ${sha256})`,
        );
      }
      return matched.length > 0 ? ExitCode.Ok : ExitCode.Rejected;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("check an official document's file against the log by its verification code"));
