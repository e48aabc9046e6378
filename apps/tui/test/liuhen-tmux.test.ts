/**
 * End to end, as a legal officer works: the real `liuhen` binary in tmux (80×24) against the real server
 * with the demo agency (`--demo`) on a random port. Log in, accept a new report (WC.10.1), send it to the
 * head (WC.10.2), and — once the head and the investigator have done their part — classify it and propose a
 * sanction (WC.7); each change is then seen through the tRPC API as the web UI reads it. Also: the UI in
 * colour and with NO_COLOR, and `liuhen queue` beside it; and one official document generated from the TUI
 * (issue 8), seen through the API and on disk where the TUI said.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./support/demo-server.js";
import { liuhenWithEnv } from "./support/liuhen.js";
import { investigate, loginAsLegalOfficer, sessionOf } from "./support/signed-in.js";
import { describeInTmux, openTerminal, type Terminal } from "./support/tmux.js";

/** An SGR sequence that sets a foreground or background colour (bold or inverse are not colour). */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]`);

const BIN = fileURLToPath(new URL("../bin/liuhen.js", import.meta.url));

let server: DemoServer;
let login: ReturnType<typeof loginAsLegalOfficer>;
const terminals: Terminal[] = [];

const open = (env: Record<string, string> = {}, cwd?: string) => {
  const terminal = openTerminal([process.execPath, BIN], { LIUHEN_CONFIG_DIR: login.config, ...env }, cwd);
  terminals.push(terminal);
  return terminal;
};

const fileOf = async (proceedingId: string) =>
  (await sessionOf(server, "fazhi")).wrongCase.get.query({ proceedingId });

describeInTmux("liuhen in a real terminal (tmux, 80×24)", () => {
  beforeAll(async () => {
    server = await startDemoServer();
    login = loginAsLegalOfficer(server);
  });
  afterAll(async () => {
    for (const terminal of terminals) terminal.close();
    await server?.close();
    if (login) rmSync(login.config, { recursive: true, force: true });
  });

  it("logs in, accepts a report, classifies it and proposes a sanction; the web API sees each change", async () => {
    const t = open({ FORCE_COLOR: "1" });
    await t.waitFor("[1 新举报 3]");
    await t.keys("/");
    await t.literal("超市");
    await t.waitFor("search: 超市▏");
    await t.keys("Enter");
    // The search is closed (no cursor after it) before the next key goes to the list.
    await t.waitFor(/search: 超市$/m);
    await t.waitFor("▶ WC-2026-001");
    await t.keys("Enter");
    await t.waitFor("错案程序 WC-2026-001");
    await t.keys("a");
    await t.waitFor("选择要办理的步骤");
    await t.keys("Enter");
    await t.waitFor("确认办理 / confirm: 受理");
    await t.keys("y");
    await t.waitFor("已受理 / accepted");
    expect((await fileOf("WC-2026-001")).stage).toBe("accepted");

    // WC.10.2 应当及时报局主要负责人; a blank answer is refused first, naming the field.
    await t.keys("a");
    await t.waitFor("报局主要负责人 / report to the head");
    await t.keys("3");
    await t.waitFor("局主要负责人（人员编号）");
    await t.keys("Enter");
    await t.waitFor("(head) 不能为空");
    await t.literal("p-chenjianguo");
    await t.keys("Enter");
    await t.waitFor("确认办理 / confirm: 报局主要负责人");
    await t.keys("y");
    await t.waitFor("已报局主要负责人");
    expect((await fileOf("WC-2026-001")).stage).toBe("reported-to-head");

    await investigate(server, "WC-2026-001");
    await t.keys("r");
    await t.waitFor("调查结论 / findings");
    await t.keys("a");
    await t.waitFor("2. 认定错案并提出处理建议");
    await t.keys("2");
    await t.waitFor("案件类别（WC.2）");
    await t.literal("1");
    await t.keys("Enter");
    await t.waitFor("错案情形（WC.5）");
    await t.keys("Enter");
    await t.waitFor("经调查属实");
    await t.keys("Enter");
    await t.waitFor("p-zhangwei 的责任行为（WC.6）");
    await t.literal("WC.6.4");
    await t.keys("Enter", "Enter", "Enter");
    await t.waitFor("处理建议 / proposal summary");
    await t.literal("建议责令作出书面检查");
    await t.keys("Enter");
    const confirm = await t.waitFor("确认办理 / confirm: 认定错案并提出处理建议");
    expect(confirm).toContain("认定为错案");
    expect(confirm).toContain("WC.11.1");
    await t.keys("y");
    await t.waitFor("已提出处理建议");

    const file = await fileOf("WC-2026-001");
    expect(file.stage).toBe("proposal-made");
    const proposal = (
      file.state.rounds.at(-1) as { proposal: { summary: string; assessment: { result: unknown } } }
    ).proposal;
    expect(proposal.summary).toBe("建议责令作出书面检查");
    expect(proposal.assessment.result).toMatchObject({
      status: "wrong-case",
      officers: [{ id: "p-zhangwei", liable: true, proposal: { sanctions: ["WC.11.1"] } }],
    });
    // In colour: the screen carries colour escapes (the title is cyan).
    expect(t.screen(true)).toMatch(COLOUR);
    await t.keys("q");
  });

  it("generates a document from a file's detail (d) into the directory it started in; the API lists it", async () => {
    // A short directory name, so the saved-in line is not cut at 80 columns.
    const here = mkdtempSync(join(tmpdir(), "lh-"));
    try {
      const t = open({}, here);
      await t.waitFor("[1 新举报");
      await t.keys("2");
      await t.waitFor("[2 错案程序");
      await t.keys("/");
      await t.literal("WC-2026-004");
      await t.keys("Enter");
      await t.waitFor("▶ WC-2026-004");
      await t.keys("Enter");
      await t.waitFor("错案程序 WC-2026-004");
      await t.keys("d");
      await t.waitFor("3. 处理建议 / handling proposal");
      await t.keys("3");
      await t.waitFor(`保存目录 / directory: ${here}`);
      await t.keys("Enter");
      await t.waitFor("确认生成 / confirm: 处理建议");
      await t.keys("y");
      const screen = await t.waitFor(/ · \S+\.docx/);
      expect(screen).toContain(`已保存到 / saved in: ${here}`);
      const names = [...screen.matchAll(/ · (\S+\.(?:pdf|docx))/g)].map((m) => m[1] ?? "");
      expect(names).toHaveLength(2);
      const [issued] = await (await sessionOf(server, "fazhi")).documents.list.query({
        proceeding: { kind: "wrong-case", id: "WC-2026-004" },
      });
      expect(issued?.kind).toBe("handling-proposal");
      expect(screen).toContain(`已生成 / generated: ${issued?.number}`);
      for (const name of names) {
        const file = join(here, name);
        expect(existsSync(file)).toBe(true);
        const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
        expect(issued?.files.map((f) => f.sha256)).toContain(sha256);
      }
      await t.keys("Escape");
      await t.keys("q");
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });

  it("with NO_COLOR the same screens carry no colour, and say what colour would in words", async () => {
    const t = open({ FORCE_COLOR: "1", NO_COLOR: "1" });
    await t.waitFor("[1 新举报");
    await t.keys("?");
    await t.waitFor("按键说明 / Keys");
    await t.keys("x");
    const screen = await t.waitFor("▶ WC-2026-");
    expect(screen).toContain("WC.10.1");
    expect(t.screen(true)).not.toMatch(COLOUR);
    await t.keys("q");
  });

  it("liuhen queue lists the queues as text and as JSON; without a terminal, liuhen alone prints its usage", () => {
    const text = liuhenWithEnv("", login.env, "queue", "--queue", "proceedings");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("== 错案程序 / proceedings");
    expect(text.stdout).toMatch(/WC-2026-001\t已提出处理建议/);
    const json = liuhenWithEnv("", login.env, "queue", "--json", "--stage", "received");
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as Record<string, ReadonlyArray<{ id: string; stage: string }>>;
    expect(parsed.reports?.map((i) => i.id)).toEqual(["WC-2026-008"]);
    expect(
      Object.values(parsed)
        .flat()
        .every((i) => i.stage === "received"),
    ).toBe(true);
    const usage = liuhenWithEnv("", login.env);
    expect(usage.status).toBe(0);
    expect(usage.stdout).toContain("liuhen queue");
  });
});
