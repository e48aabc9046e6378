/**
 * IF.4 并开展调查处理 in a real browser: the head the lead went to opens the investigation and names the
 * investigator (refused beside the field when nobody is named, nothing stored); the investigator notes what
 * was done; the legal section finds it interference under IF.10 with its items, which then waits for the
 * head's approval (IF.10). The steps before (record, report, review, lead) go over the API by the driver.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, signIn } from "../../server/test/support/http.js";
import {
  assembleInterferenceCast,
  contact,
  IF_CAST,
  type InterferenceCast,
  ifStep,
  recordContact,
  registerPerson,
} from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import { CAST_PASSWORD } from "../../server/test/support/wrong-case-driver.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  open,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { signInAs } from "./support/sign-in.js";

const COLLEAGUE = {
  username: "",
  personId: "person-web-investigation-colleague",
  name: "孙某某",
  department: "执法二科",
  roles: [],
} as const;

describeInBrowser("The interference investigation in the browser (IF.4, IF.10)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: InterferenceCast;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, COLLEAGUE);
    cast = await assembleInterferenceCast(url, root, "198.18.0.81");
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = async (username: string): Promise<{ page: Page; close: () => Promise<void> }> => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, url, username, CAST_PASSWORD);
    return { page, close: () => context.close() };
  };

  const stageOf = async (recordId: string) => {
    const answer = await call(url, "query", "interference.get", { recordId }, cast.legal);
    return (answer.data as { stage: string }).stage;
  };

  it("IF.4: the head opens it, the investigator notes it, the legal section finds interference (IF.10.1)", async () => {
    const made = await recordContact(
      url,
      cast.handler,
      contact({ staff: COLLEAGUE.personId, employment: "established" }),
    );
    let position = await ifStep(url, cast.handler, "reportToLegalSection", made);
    position = await ifStep(url, cast.legal, "review", position);
    await ifStep(url, cast.legal, "leadToHead", position, {
      head: IF_CAST.head.personId,
      lead: "来电要求从轻处罚，涉嫌超越职权下达降格处罚指示",
    });
    const recordUrl = `${url}/records/${encodeURIComponent(made.recordId)}`;

    // The head: nobody named is refused beside the field, and nothing is stored; then the investigator.
    const head = await signedIn(IF_CAST.head.username);
    const headErrors = watchConsole(head.page);
    await open(head.page, recordUrl);
    const before = await server.count("events");
    await head.page.getByRole("button", { name: "开展调查" }).click();
    await head.page.locator("#investigators-error").waitFor();
    expect(await server.count("events")).toBe(before);
    await expectAccessible(head.page, "the record with the head's refused opening");
    await head.page.getByLabel("赵纪委（机关纪委）").check();
    await screenshot(head.page, "record-open-investigation");
    await head.page.getByRole("button", { name: "开展调查" }).click();
    await head.page.getByRole("heading", { name: "开展调查" }).waitFor({ state: "detached" });
    expect(await head.page.getByTestId("history").textContent()).toContain("开展调查");
    expect(headErrors).toEqual([]);
    await head.close();

    // The investigator notes what was done.
    const investigator = await signedIn(IF_CAST.investigator.username);
    await open(investigator.page, recordUrl);
    await investigator.page.getByLabel("调查记录", { exact: true }).fill("询问当事人，调取通话记录");
    await expectAccessible(investigator.page, "the record with the investigation note");
    await investigator.page.getByRole("button", { name: "记入调查记录" }).click();
    await expect
      .poll(async () => (await investigator.page.getByTestId("history").textContent()) ?? "")
      .toContain("调查记录");
    await investigator.close();

    // The legal section: the finding under IF.10, its item's words beside its id, and the article behind it.
    const legal = await signedIn(IF_CAST.legal.username);
    const legalErrors = watchConsole(legal.page);
    await open(legal.page, recordUrl);
    await legal.page.getByRole("link", { name: "IF.10", exact: true }).first().click();
    await legal.page.getByRole("dialog").getByText("违反规定干预办案", { exact: false }).first().waitFor();
    await legal.page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    // Each item labelled with its own words (第十条（一）, not the heading), its citation opening the item.
    const item = legal.page.getByTestId("category-IF.10.1");
    const itemWords =
      "（一）超越职权下达不符合法律规定的立案、撤销案件、终止调查、变更行政强制措施、降格或者升格行政处罚等指示的；";
    await item.getByRole("link", { name: "IF.10.1", exact: true }).click();
    await legal.page.getByRole("dialog").getByRole("heading", { name: "第十条（一）（IF.10.1）" }).waitFor();
    await legal.page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
    expect(await legal.page.getByTestId("category-IF.10.7").textContent()).toContain(
      "（七）其他影响执法人员依法公正处理案件的干预、插手案件办理的行为",
    );
    // IF.13's grounds: a whole article's number with what the ground rests on, an item with its own words.
    expect(await legal.page.getByTestId("ground-IF.2").textContent()).toContain(
      "第二条：过问者不是行政执法机关内部人员",
    );
    expect(await legal.page.getByTestId("ground-IF.13.1").textContent()).toContain(
      "（一）对案件办理具有指导、管理、监督职能的部门",
    );
    // In English the Chinese words stay, glossed with the domain's labels of the acts the item covers.
    await open(legal.page, `${recordUrl}?lang=en`);
    const english = (await legal.page.getByTestId("category-IF.10.1").textContent()) ?? "";
    expect(english).toContain(itemWords);
    expect(english).toContain("instruction to lower a penalty");
    expect(await legal.page.getByTestId("category-IF.10.4").textContent()).toContain(
      "proposal of a private meeting with a party",
    );
    expect(await legal.page.getByTestId("ground-IF.8").textContent()).toContain(
      "another enforcement body's inquiry, by procedure, in its statutory duties",
    );
    await open(legal.page, `${recordUrl}?lang=zh`);
    await item.getByRole("checkbox", { name: itemWords, exact: true }).check();
    await legal.page.getByLabel("理由").first().fill("超越职权要求降格处罚");
    await expectAccessible(legal.page, "the record with the legal section's findings");
    await screenshot(legal.page, "record-findings");
    await legal.page.getByRole("button", { name: "认定为违反规定干预办案" }).click();
    await expect.poll(() => stageOf(made.recordId)).not.toBe("investigating");
    await legal.page.getByRole("button", { name: "认定为违反规定干预办案" }).waitFor({ state: "detached" });
    expect(await legal.page.getByTestId("history").textContent()).toContain("认定干预办案");
    expect(legalErrors).toEqual([]);
    await legal.close();

    // What IF.10 asks next: the head's approval of the notification.
    const answer = await call(url, "query", "interference.get", { recordId: made.recordId }, cast.head);
    const next = (answer.data as { nextSteps: Array<{ procedure: string }> }).nextSteps.map(
      (s) => s.procedure,
    );
    expect(next).toContain("approveNotification");
  });
});
