/**
 * `liuhen` alone: the legal officers' terminal UI, on a terminal, with the token `liuhen login` kept. Not on
 * a terminal (a pipe, a script), Ink cannot read keys: the usage is printed instead.
 */
import { Console, Effect } from "effect";
import { render, useStdout } from "ink";
import { useEffect, useState } from "react";
import { LegalDesk } from "../desk/legal-desk.js";
import { ExitCode } from "../exit-code.js";
import { readCredentials } from "../session/credentials-file.js";
import { App } from "../ui/app.js";
import { colourWanted } from "../ui/theme.js";

/** The app sized to the terminal, following it when it is resized. */
const Sized = ({ desk, who }: { readonly desk: LegalDesk; readonly who: string }) => {
  const { stdout } = useStdout();
  const size = () => ({ width: stdout.columns || 80, height: stdout.rows || 24 });
  const [{ width, height }, setSize] = useState(size);
  useEffect(() => {
    const resized = () => setSize(size());
    stdout.on("resize", resized);
    return () => {
      stdout.off("resize", resized);
    };
  });
  return <App desk={desk} who={who} colour={colourWanted()} width={width} height={height} />;
};

export const USAGE = [
  "留痕 Liuhen — 法治科工作台 / the legal officers' terminal UI",
  "",
  "  liuhen login --server URL --agency ID --username NAME   登录 / sign in",
  "  liuhen                    在终端中打开工作台 / open the UI (needs a terminal)",
  "  liuhen queue [--json] [--queue NAME] [--stage STAGE]   队列 / the queues as text or JSON",
  "  liuhen document generate KIND ID [--out DIR] [--json]   生成公文 / generate a document",
  "  liuhen document list ID [--json]                       已制发公文 / documents issued",
  "  liuhen stats [--quarter 2026-Q1 | --from M --to M] [--json]   统计表 / statistics tables",
  "  liuhen assess | verify | export | logout | --help",
].join("\n");

export const openUi = Effect.gen(function* () {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    yield* Console.log(USAGE);
    return ExitCode.Ok;
  }
  const credentials = readCredentials();
  if (credentials === null) {
    yield* Console.error("未登录，请先运行 liuhen login / not signed in: run liuhen login first");
    return ExitCode.Rejected;
  }
  const desk = LegalDesk.withToken(credentials.server, credentials.token);
  const who = `${credentials.username} @ ${credentials.agency}`;
  yield* Effect.promise(async () => {
    const instance = render(<Sized desk={desk} who={who} />, { exitOnCtrlC: true });
    await instance.waitUntilExit();
    desk.close();
  });
  return ExitCode.Ok;
}).pipe(Effect.flatMap(ExitCode.set));
