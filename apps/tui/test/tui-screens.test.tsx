/**
 * The terminal UI's screens and keys, rendered by ink-testing-library at 80×24 against the demo agency on a
 * real server (`--demo`, as `npm start` runs it): the queues, a file's detail with its timeline and the
 * domain's explanation, the article overlay, the help overlay, the step prompts with their confirmation
 * and bad input, and a lost connection; a file's documents (issue 8), the statistics tables and the
 * notifications.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDate } from "@liuhen/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { widthOf } from "../src/ui/fit.js";
import { issueNotification } from "./support/beside-store.js";
import { DEMO_DAY, type DemoServer, startDemoServer } from "./support/demo-server.js";
import { KEY, type RenderedApp, renderApp } from "./support/ink-app.js";
import { investigate, loginAsLegalOfficer, sessionOf } from "./support/signed-in.js";

let server: DemoServer;
let token: string;
let config: string;
let app: RenderedApp;
let saveIn: string;

/**
 * Escape from a file back to the queues, waiting until they show: a key pressed while the screens change
 * would reach neither (the queues take keys once they have mounted).
 */
const backToQueues = async () => {
  await app.press(KEY.escape);
  await app.waitFor("Enter 打开");
};

const fileOf = async (proceedingId: string) =>
  (await sessionOf(server, "fazhi")).wrongCase.get.query({ proceedingId });

beforeAll(async () => {
  server = await startDemoServer();
  ({ token, config } = loginAsLegalOfficer(server));
  saveIn = mkdtempSync(join(tmpdir(), "liuhen-tui-docs-"));
});
afterAll(async () => {
  app?.unmount();
  await server?.close();
  if (config) rmSync(config, { recursive: true, force: true });
  if (saveIn) rmSync(saveIn, { recursive: true, force: true });
});

describe("the terminal UI at 80×24 against the demo agency", () => {
  it("opens on the new reports, the WC.10.1 clock shown, in 80 columns and 24 lines", async () => {
    app = await renderApp(server.url, token);
    const screen = await app.waitFor("WC-2026-001");
    expect(screen).toContain("[1 新举报 3]");
    expect(screen).toContain("WC.10.1 ");
    expect(screen).toContain("已收到举报或投诉");
    const lines = screen.split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(80);
  });

  it("switches queues with Tab, arrows and digits, and filters as a search is typed", async () => {
    await app.press(KEY.tab);
    await app.waitFor("[2 错案程序");
    expect(app.frame()).toContain("WC-2026-004");
    await app.press("3");
    await app.waitFor("[3 干预记录");
    expect(app.frame()).toContain("IF-2026-002");
    await app.press(KEY.right, KEY.right);
    await app.waitFor("[5 通报待批 2]");
    expect(app.frame()).toContain("IF-2026-006    认定为干预办案");
    await app.press(KEY.left, KEY.left, KEY.left, KEY.left);
    await app.waitFor("[1 新举报");
    await app.press("/");
    await app.type("农贸");
    await app.waitFor("搜索 / search: 农贸");
    expect(app.frame()).toContain("WC-2026-008");
    expect(app.frame()).not.toContain("WC-2026-001");
    await app.press(KEY.enter, KEY.escape);
    await app.waitFor("WC-2026-001");
  });

  it("shows the help overlay on ? and closes it on any key", async () => {
    await app.press("?");
    const help = await app.waitFor("按键说明 / Keys");
    expect(help).toContain("查看条文原文");
    await app.press("x");
    await app.waitFor("[1 新举报");
  });

  it("opens a file with its timeline and next steps, and the article text one key away", async () => {
    await app.press(KEY.down);
    await app.press(KEY.enter);
    const detail = await app.waitFor("时间线 / timeline");
    expect(detail).toMatch(/错案程序 WC-2026-00\d/);
    expect(detail).toContain("可办步骤");
    await app.press("c");
    const article = await app.waitFor("条文原文");
    expect(article).toMatch(/WC\.\S+ 第.+条/);
    await app.press(KEY.right);
    await app.waitFor(/2\/\d+/);
    await app.press(KEY.escape);
    await app.waitFor("时间线 / timeline");
    await app.press(KEY.escape);
    await app.waitFor("[1 新举报");
  });

  it("shows the domain's assessment of a proposal and its explanation in Chinese", async () => {
    await app.press("2");
    await app.waitFor("[2 错案程序");
    await app.press("/");
    await app.type("复查");
    await app.press(KEY.enter);
    await app.waitFor("WC-2026-004");
    await app.press(KEY.enter);
    const detail = await app.waitFor("领域评估及说明");
    expect(detail).toContain("认定 / classification: 认定为错案");
    // Two lines down in one read: the scroll moves two.
    await app.press("jj");
    await app.waitFor(/scroll 3–/);
    await backToQueues();
    await app.press("/", KEY.escape);
    await app.press("1");
    await app.waitFor("[1 新举报");
  });

  it("takes keys that arrive together (a paste, a slow link) one at a time, and q in a search does not quit", async () => {
    await app.press("2");
    await app.waitFor("[2 错案程序");
    // One write: the search opens, is typed and closed, and Enter opens the file found.
    await app.press("/复查\r\r");
    await app.waitFor("领域评估及说明");
    expect(app.frame()).toContain("错案程序 WC-2026-004");
    await app.press(KEY.escape);
    await app.waitFor("search: 复查");
    await app.press(KEY.escape, "1");
    await app.waitFor("[1 新举报");
    await app.press("/q");
    await app.waitFor("搜索 / search: q▏");
    await app.press(KEY.escape);
    await app.waitFor("WC-2026-001");
  });

  it("WC.10.1: a step is confirmed first; n cancels and nothing is stored, y accepts the report", async () => {
    await app.press("/");
    await app.type("超市");
    await app.press(KEY.enter);
    await app.waitFor("▶ WC-2026-001");
    await app.press(KEY.enter);
    await app.waitFor("错案程序 WC-2026-001");
    const before = await fileOf("WC-2026-001");
    await app.press("a");
    await app.waitFor("选择要办理的步骤");
    await app.press("1");
    await app.waitFor("确认办理 / confirm: 受理");
    await app.press("n");
    await app.waitFor("已取消，未作任何更改");
    expect((await fileOf("WC-2026-001")).version).toBe(before.version);
    await app.press("a");
    await app.waitFor("选择要办理的步骤");
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 受理");
    await app.press("y");
    await app.waitFor("已办理 / done: 受理");
    await app.waitFor("已受理 / accepted");
    const after = await fileOf("WC-2026-001");
    expect(after.stage).toBe("accepted");
    expect(after.version).toBe(before.version + 1);
  });

  it("bad input at a prompt gets a message naming the field and changes nothing", async () => {
    const before = await fileOf("WC-2026-001");
    await app.press("a");
    await app.waitFor("转送有权部门 / transfer");
    await app.press("1");
    await app.waitFor("有权部门 / competent body:");
    await app.press(KEY.enter);
    await app.waitFor("「有权部门」(competentBody) 不能为空");
    await app.type("黔江区人社局");
    await app.press(KEY.enter);
    await app.waitFor("转送理由 / reason:");
    await app.press(KEY.escape);
    await app.waitFor("已取消，未作任何更改");
    // A person id with a space, refused before anything is sent.
    await app.press("a");
    await app.waitFor("报局主要负责人 / report to the head");
    await app.press("3");
    await app.waitFor("局主要负责人（人员编号）");
    // Typed in one go with its Enter, as a paste or a slow link delivers it.
    await app.press("p chen\r");
    await app.waitFor("(head) 是一个人员编号，不含空格");
    await app.press(KEY.escape);
    await app.waitFor("已取消，未作任何更改");
    expect((await fileOf("WC-2026-001")).version).toBe(before.version);
    // The file changed elsewhere since it was opened: the server refuses the stale step and keeps nothing of it.
    const elsewhere = await (await sessionOf(server, "fazhi")).wrongCase.answerReporter.mutate({
      proceedingId: "WC-2026-001",
      expectedVersion: before.version,
      answer: "您反映的问题已受理。",
    });
    await app.press("a");
    await app.waitFor("答复举报人 / answer the reporter");
    await app.press("2");
    await app.waitFor("答复内容 / answer:");
    await app.type("已受理");
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 答复举报人");
    await app.press("y");
    await app.waitFor("未保存 / not saved");
    await app.press(KEY.escape);
    await app.waitFor("已取消，未作任何更改");
    expect((await fileOf("WC-2026-001")).version).toBe(elsewhere.version);
    await app.press("r");
    await app.waitFor(`v${elsewhere.version}`);
  });

  it("WC.7: the assessment form refuses a trigger that is not WC.5's and proposes once the facts are right", async () => {
    // The head and the investigator take their steps; the report goes to the head from the terminal.
    await app.press("a");
    await app.waitFor("报局主要负责人 / report to the head");
    await app.press("3");
    await app.waitFor("局主要负责人（人员编号）");
    await app.type("p-chenjianguo");
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 报局主要负责人");
    await app.press("y");
    await app.waitFor("已报局主要负责人 / reported");
    await investigate(server, "WC-2026-001");
    await app.press("r");
    await app.waitFor("调查结论 / findings");
    await app.press("a");
    await app.waitFor("2. 认定错案并提出处理建议");
    await app.press("2");
    await app.waitFor("案件类别（WC.2）");
    await app.type("9");
    await app.press(KEY.enter);
    await app.waitFor("(caseKind) 须为所列选项之一");
    await app.press(KEY.backspace);
    await app.type("1");
    await app.press(KEY.enter);
    await app.waitFor("错案情形（WC.5）");
    expect(app.frame()).toContain("WC.5.1"); // prefilled from the findings
    await app.type(",WC.5.9");
    await app.press(KEY.enter);
    await app.waitFor("无此选项「WC.5.9」");
    for (let i = 0; i < 7; i++) await app.press(KEY.backspace);
    await app.press(KEY.enter);
    await app.waitFor("经调查属实");
    await app.press(KEY.enter);
    await app.waitFor("p-zhangwei 的责任行为（WC.6）");
    await app.type("WC.6.4");
    await app.press(KEY.enter, KEY.enter, KEY.enter);
    await app.waitFor("处理建议 / proposal summary");
    await app.type("建议责令作出书面检查");
    await app.press(KEY.enter);
    const confirm = await app.waitFor("确认办理 / confirm: 认定错案并提出处理建议");
    expect(confirm).toContain("认定 / classification: 认定为错案");
    expect(confirm).toContain("建议 / proposed: WC.11.1");
    await app.press("c");
    await app.waitFor("条文原文 WC.2");
    await app.press(KEY.escape);
    await app.press("y");
    await app.waitFor("已办理 / done: 认定错案并提出处理建议");
    const file = await fileOf("WC-2026-001");
    expect(file.stage).toBe("proposal-made");
    const proposal = (file.state.rounds.at(-1) as { proposal: { assessment: { result: unknown } } }).proposal;
    expect(proposal.assessment.result).toMatchObject({
      status: "wrong-case",
      officers: [{ id: "p-zhangwei", liable: true, proposal: { sanctions: ["WC.11.1"] } }],
    });
  });

  it("IF.4 and IF.10: reviews a reported record and circulates an approved notification", async () => {
    const legal = await sessionOf(server, "fazhi");
    await app.press(KEY.escape);
    await app.waitFor("[1 新举报");
    await app.press(KEY.escape);
    await app.waitFor("WC-2026-002");
    await app.press("5");
    await app.waitFor("[5 通报待批 2]");
    await app.press(KEY.down);
    await app.waitFor("▶ IF-2026-007");
    await app.press(KEY.enter);
    await app.waitFor("干预记录 IF-2026-007");
    await app.press("a");
    await app.waitFor("1. 通报 / circulate the notification");
    await app.press("1");
    await app.waitFor("通报内容 / notice:");
    await app.press(KEY.enter);
    await app.waitFor("(notice) 不能为空");
    await app.type("对违反规定干预办案的情况予以通报");
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 通报");
    await app.press("y");
    await app.waitFor("已办理 / done: 通报");
    expect((await legal.interference.get.query({ recordId: "IF-2026-007" })).stage).toBe("notified");
    await backToQueues();
    await app.press("3");
    await app.waitFor("[3 干预记录");
    await app.waitFor("▶ IF-2026-002");
    await app.press(KEY.enter);
    await app.waitFor("干预记录 IF-2026-002");
    await app.press("a");
    await app.waitFor("检查 / review");
    await app.press("1");
    await app.waitFor("确认办理 / confirm: 检查");
    await app.press("y");
    await app.waitFor("已办理 / done: 检查");
    expect((await legal.interference.get.query({ recordId: "IF-2026-002" })).stage).toBe("checked");
    await backToQueues();
    await app.press("1");
  });

  it("keeps the screen and says so when the server is lost, and reloads when it is back", async () => {
    await app.press(KEY.escape);
    await app.waitFor("[1 新举报");
    await app.press(KEY.escape);
    await app.waitFor("WC-2026-002");
    await server.stop();
    await app.press("r");
    const lost = await app.waitFor("服务器连接中断");
    expect(lost).toContain("WC-2026-002");
    await server.restart();
    await app.waitFor("已重新连接 / reconnected", 60_000);
    expect(app.frame()).not.toContain("服务器连接中断");
  });

  it("IF.4: a spot check is committed (bad dates and counts refused first) and then drawn", async () => {
    const legal = await sessionOf(server, "fazhi");
    const before = await legal.oversight.spotChecks.query();
    await app.press("4");
    await app.waitFor("[4 抽查");
    await app.press("n");
    await app.waitFor("记录起始日 / records from:");
    for (let i = 0; i < 10; i++) await app.press(KEY.backspace);
    await app.type("2026-13-01");
    await app.press(KEY.enter);
    await app.waitFor("(from) 应为日期");
    for (let i = 0; i < 10; i++) await app.press(KEY.backspace);
    await app.type("2020-01-01");
    await app.press(KEY.enter);
    await app.waitFor("记录截止日 / records to:");
    await app.press(KEY.enter);
    await app.waitFor("抽取记录数 / records to draw:");
    await app.press(KEY.backspace);
    await app.type("两");
    await app.press(KEY.enter);
    await app.waitFor("(records) 应为非负整数");
    await app.press(KEY.backspace);
    await app.type("1");
    await app.press(KEY.enter, KEY.enter);
    await app.waitFor("抽查目的 / purpose:");
    await app.type("法治科月度抽查");
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 新建抽查");
    expect((await legal.oversight.spotChecks.query()).length).toBe(before.length);
    await app.press("y");
    await app.waitFor("已承诺，待抽取");
    const committed = (await legal.oversight.spotChecks.query()).find((c) => c.purpose === "法治科月度抽查");
    expect(committed?.draw).toBeNull();
    // "To" was left at its default: the server's day (the demo's), not the machine's.
    expect(committed?.period).toEqual({ from: "2020-01-01", to: DEMO_DAY });
    await app.press("/");
    await app.type("已承诺");
    await app.press(KEY.enter);
    await app.waitFor(`▶ ${committed?.drawId.slice(0, 13)}`);
    await app.press(KEY.enter);
    await app.waitFor("确认办理 / confirm: 抽取样本");
    await app.press("y");
    await app.waitFor("已办理 / done: 抽取样本");
    const drawn = (await legal.oversight.spotChecks.query()).find((c) => c.drawId === committed?.drawId);
    expect(drawn?.draw).not.toBeNull();
    expect(drawn?.sample?.records.length).toBe(1);
    // The demo's own draw: a record it sampled is checked under that draw.
    await app.press("/", KEY.escape);
    await app.press("/");
    await app.type("本月干预记录抽查");
    await app.press(KEY.enter);
    await app.waitFor("▶ IF-2026-001");
    await app.press(KEY.enter);
    await app.waitFor("干预记录 IF-2026-001");
    await app.press("a");
    await app.waitFor("1. 抽查检查 / check the record drawn");
    await app.press("1");
    await app.waitFor("确认办理 / confirm: 抽查检查");
    await app.press("y");
    await app.waitFor("已办理 / done: 抽查检查");
    const demoDraw = (await legal.oversight.spotChecks.query()).find((c) => c.purpose === "本月干预记录抽查");
    expect(demoDraw?.sample?.records.find((r) => r.id === "IF-2026-001")?.check).not.toBeNull();
  });
});

/** Every line of the screen fits an 80×24 terminal. */
const fits = (screen: string) => {
  const lines = screen.split("\n");
  expect(lines.length).toBeLessThanOrEqual(24);
  for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(80);
};

describe("issue 8 in the terminal UI: documents, statistics tables, notifications", () => {
  const documentsOf = async (id: string) =>
    (await sessionOf(server, "fazhi")).documents.list.query({ proceeding: { kind: "wrong-case", id } });

  it("d opens a file's documents: a bad directory or n generates nothing; y saves the PDF and DOCX", async () => {
    app?.unmount();
    app = await renderApp(server.url, token, { cwd: saveIn });
    await app.waitFor("[1 新举报");
    await app.press("2");
    await app.waitFor("[2 错案程序");
    await app.press("/");
    await app.type("WC-2026-004");
    await app.press(KEY.enter);
    await app.waitFor("▶ WC-2026-004");
    await app.press(KEY.enter);
    await app.waitFor("错案程序 WC-2026-004");
    await app.press("d");
    const panel = await app.waitFor("尚未制发公文 / none issued yet");
    expect(panel).toContain("3. 处理建议 / handling proposal（WC.7）");
    fits(panel);
    // The articles behind the kinds, one key away.
    await app.press("c");
    await app.waitFor("条文原文 WC.10.1");
    await app.press(KEY.escape);
    await app.waitFor("公文 / documents: WC-2026-004");
    // A directory that is not there: the field is named and nothing is sent.
    await app.press("3");
    const prompt = await app.waitFor("保存目录 / directory:");
    expect(prompt).toContain(saveIn);
    // Typed in one go with its Enter, as a paste delivers it.
    await app.press("/nope\r");
    await app.waitFor("(directory) 不存在");
    for (let i = 0; i < 5; i++) await app.press(KEY.backspace);
    await app.press(KEY.enter);
    await app.waitFor("确认生成 / confirm: 处理建议");
    expect(app.frame()).toContain(`保存到 / save in: ${saveIn}`);
    await app.press("n");
    await app.waitFor("已取消，未生成任何公文");
    expect(await documentsOf("WC-2026-004")).toEqual([]);
    expect(readdirSync(saveIn)).toEqual([]);
    // A step the proceeding has not reached (no transfer): the server refuses and takes no number.
    await app.press("2", KEY.enter);
    await app.waitFor("确认生成 / confirm: 转送函");
    await app.press("y");
    await app.waitFor("未生成 / not generated");
    expect(await documentsOf("WC-2026-004")).toEqual([]);
    // Confirmed: numbered, saved where the panel says, and listed with its date and code.
    await app.press("3", KEY.enter);
    await app.waitFor("确认生成 / confirm: 处理建议");
    await app.press("y");
    const done = await app.waitFor(/ · .+\.docx/);
    const [issued] = await documentsOf("WC-2026-004");
    expect(issued?.kind).toBe("handling-proposal");
    expect(issued?.number).toMatch(/^黔江市监法建〔\d{4}〕1号$/);
    expect(done).toContain(`已生成 / generated: ${issued?.number}`);
    expect(done).toContain(`已保存到 / saved in: ${saveIn}`);
    const saved = [...done.matchAll(/ · (\S+\.(?:pdf|docx))/g)].map((m) => join(saveIn, m[1] ?? ""));
    expect(saved).toHaveLength(2);
    for (const file of saved) {
      expect(file.startsWith(saveIn)).toBe(true);
      expect(existsSync(file)).toBe(true);
      const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
      expect(issued?.files.map((f) => f.sha256)).toContain(sha256);
    }
    const listed = await app.waitFor(`${issued?.number} 处理建议`);
    expect(listed).toContain(formatDate(issued?.issuedOn ?? ""));
    expect(listed).toContain(`核验码 ${issued?.verificationCode}`);
    fits(listed);
    await app.press(KEY.escape);
    await app.waitFor("↑↓ 滚动 / scroll");
    expect(app.frame()).not.toContain("公文 / documents");
    await backToQueues();
    await app.press("/", KEY.escape);
    await app.press("1");
    await app.waitFor("[1 新举报");
  });

  it("s shows the statistics tables in 80×24; a bad period is refused and the tables stay", async () => {
    await app.press("s");
    const first = await app.waitFor("IF.10.1 超越职权下达指示");
    expect(first).toContain("全部期间 / all time");
    expect(first).toContain("按记录时的情形（IF.10）");
    fits(first);
    // A lower-case q typed into the period is the period's, not the key that quits.
    await app.press("p");
    await app.waitFor("统计期间 / period:");
    await app.type("2026-q5");
    await app.press(KEY.enter);
    await app.waitFor("(period) 应为季度如 2026-Q1");
    await app.press(KEY.escape);
    await app.waitFor("全部期间 / all time");
    expect(app.frame()).toContain("IF.10.1 超越职权下达指示");
    await app.press("p");
    await app.type(`${DEMO_DAY.slice(0, 4)}-01..${DEMO_DAY.slice(0, 7)}`);
    await app.press(KEY.enter);
    await app.waitFor(`${DEMO_DAY.slice(0, 4)}-01 至`);
    // Scrolled down to the wrong cases: deadlines met and missed, time per stage.
    for (let i = 0; i < 4; i++) await app.press(" ");
    const lower = await app.waitFor("各阶段用时（日）");
    expect(lower).toMatch(/WC\.10\.1 +\d+ +\d+/);
    fits(lower);
    await app.press("c");
    await app.waitFor(/条文原文 (IF|WC)\./);
    await app.press(KEY.escape);
    await app.press("p");
    for (let i = 0; i < 20; i++) await app.press(KEY.backspace);
    await app.type("2020-Q1");
    await app.press(KEY.enter);
    const empty = await app.waitFor("2020年第1季度 / 2020-Q1");
    expect(empty).toContain("干预记录 共 0 件");
    await app.press(KEY.escape);
    await app.waitFor("[1 新举报");
  });

  it("shows the unread count in the header, lists the notifications and marks one read on Enter", async () => {
    const legal = await sessionOf(server, "fazhi");
    const me = await legal.auth.me.query();
    const personId = (me as { personId: string | null }).personId ?? "";
    await issueNotification(server, {
      notificationId: "message/tui-test/1",
      recipient: personId,
      date: DEMO_DAY,
      text: "请核对本月干预记录",
    });
    await app.press("r");
    await app.waitFor("未读通知 1 (m)");
    await app.press("m");
    const list = await app.waitFor("● 未读");
    expect(list).toContain("请核对本月干预记录");
    fits(list);
    await app.press(KEY.enter);
    await app.waitFor("已标为已读 / marked read");
    await app.waitFor("○ 已读");
    // The header's count goes once the server has it read.
    await app.waitFor(/法治科工作台 +fazhi @ qianjiang-msa/);
    const after = await legal.notifications.list.query({});
    expect(after.find((n) => n.notificationId === "message/tui-test/1")?.readOn).not.toBeNull();
    // Once read, Enter again says so and changes nothing.
    await app.press(KEY.enter);
    await app.waitFor("已读于 / read on");
    await app.press(KEY.escape);
    await app.waitFor("[1 新举报");
  });
});
