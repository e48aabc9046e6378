/**
 * WC.10.2–WC.10.3 in a real browser, against the real server on a fresh SQLite file, each role at its own
 * part: the head sees the proceeding's deadline and assigns the investigation team; the investigator logs
 * an act of investigation with a file and submits the findings; the party committee secretary orders a new
 * investigation on one proceeding, and on another records the collective decision (attendance, outcome,
 * a suspected violation) and refers it to the discipline group.
 * The steps before and between (the legal section's) are taken over the API by the server's test driver.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "../../server/test/support/http.js";
import { registerPerson } from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import {
  ASSESSMENT,
  assembleCast,
  CAST,
  CAST_PASSWORD,
  type Cast,
  driveTo,
  step,
} from "../../server/test/support/wrong-case-driver.js";
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

const PEOPLE = [
  { personId: CAST.head.personId, name: "张局长", department: "局领导" },
  { personId: CAST.investigator.personId, name: "赵纪委", department: "机关纪委" },
  { personId: CAST.committee.personId, name: "钱书记", department: "党委" },
  { personId: CAST.member.personId, name: "孙委员", department: "党委" },
  { personId: "person-officer-a", name: "周执法", department: "执法一科" },
] as const;

describeInBrowser(
  "The wrong-case roles in the browser: head, investigation team, party committee (WC.10)",
  () => {
    let server: TestServer;
    let browser: Browser;
    let url: string;
    let cast: Cast;

    beforeAll(async () => {
      server = await startTestServer();
      url = server.server.url;
      const root: SignedIn = await signIn(url, { agency: AGENCY, ...ADMIN });
      for (const person of PEOPLE) {
        await registerPerson(url, root, { ...person, username: "", roles: [] });
      }
      cast = await assembleCast(url, root, "198.18.0.31");
      browser = await launchBrowser();
    });

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

    it("WC.10.2: the head assigns the team; the team logs and finds; WC.10.3: the committee orders anew or decides", async () => {
      const first = await driveTo(url, cast, "reported-to-head");
      const second = await driveTo(url, cast, "reported-to-head");
      const caseUrl = (id: string) => `${url}/cases/${encodeURIComponent(id)}`;

      // The head: the proceedings and their deadlines, then the team.
      const head = await signedIn(CAST.head.username);
      const headErrors = watchConsole(head.page);
      await head.page.getByRole("link", { name: "错案责任倒查" }).click();
      await head.page.waitForURL(`${url}/cases`);
      expect(await head.page.getByTestId("proceedings").textContent()).toContain(first.proceedingId);
      await expectAccessible(head.page, "the proceedings with their deadlines");
      await screenshot(head.page, "cases-head");
      for (const proceeding of [first, second]) {
        await open(head.page, caseUrl(proceeding.proceedingId));
        expect(await head.page.getByTestId("case-stage").textContent()).toBe("已报局主要负责人");
        // A step without a member is refused in Chinese beside the form; nothing is recorded.
        if (proceeding === first) {
          await head.page.getByRole("button", { name: "指派调查组" }).click();
          await head.page.locator(".form-error").waitFor();
          expect(await head.page.getByTestId("case-stage").textContent()).toBe("已报局主要负责人");
          await expectAccessible(head.page, "a proceeding with a refused step");
        }
        await head.page.getByLabel("赵纪委（机关纪委）").check();
        await head.page.getByRole("button", { name: "指派调查组" }).click();
        await expect.poll(() => head.page.getByTestId("case-stage").textContent()).toBe("已组织调查组");
      }
      expect(await head.page.getByTestId("team").textContent()).toContain("赵纪委");
      await expectAccessible(head.page, "a proceeding with its team");
      await screenshot(head.page, "case-head");
      expect(headErrors).toEqual([]);
      await head.close();

      // The investigator: the log with a file, then the findings.
      const investigator = await signedIn(CAST.investigator.username);
      for (const proceeding of [first, second]) {
        await open(investigator.page, caseUrl(proceeding.proceedingId));
        await investigator.page.getByLabel("调查方式", { exact: true }).selectOption("file-review");
        await investigator.page
          .getByLabel("调查情况", { exact: true })
          .fill("调阅行政处罚案卷，现场检查笔录缺少当事人签名。");
        await investigator.page.getByLabel("附件", { exact: true }).setInputFiles({
          name: "检查笔录.txt",
          mimeType: "text/plain",
          buffer: Buffer.from("现场检查笔录（复印件）"),
        });
        await investigator.page.getByRole("button", { name: "记录调查情况" }).click();
        await expect.poll(() => investigator.page.getByTestId("case-stage").textContent()).toBe("调查中");
        const log = (await investigator.page.getByTestId("investigation-log").textContent()) ?? "";
        expect(log).toContain("调阅有关案件材料");
        expect(log).toContain("检查笔录.txt");
        await investigator.page.getByLabel("经调查，确属错案").check();
        await investigator.page.getByLabel("WC.5.1", { exact: true }).check();
        await investigator.page.getByLabel("错案性质").fill("认定事实不清，证据不足");
        await investigator.page.getByLabel("周执法（执法一科）").check();
        await investigator.page.getByRole("button", { name: "提交调查结论" }).click();
        await expect
          .poll(() => investigator.page.getByTestId("case-stage").textContent())
          .toBe("调查结论已提交");
      }
      expect(await investigator.page.getByTestId("findings").textContent()).toContain("认定事实不清");
      await expectAccessible(investigator.page, "a proceeding with the findings");
      await screenshot(investigator.page, "case-investigator");
      await investigator.close();

      // The legal section proposes (over the API), on the proceeding as it now stands.
      for (const proceeding of [first, second]) {
        const file = await call(
          url,
          "query",
          "wrongCase.get",
          { proceedingId: proceeding.proceedingId },
          cast.legal,
        );
        const { version } = file.data as { version: number };
        await step(
          url,
          cast.legal,
          "propose",
          { proceedingId: proceeding.proceedingId, version },
          {
            assessment: ASSESSMENT,
            summary: "建议责令作出书面检查",
          },
        );
      }

      // The committee secretary: a new investigation for the first, the decision on the second.
      const committee = await signedIn(CAST.committee.username);
      const committeeErrors = watchConsole(committee.page);
      await open(committee.page, caseUrl(first.proceedingId));
      expect(await committee.page.getByTestId("case-stage").textContent()).toBe("已提出处理建议");
      const reinvestigation = committee.page.locator("section", {
        has: committee.page.getByRole("heading", { name: /责令重新组织调查/ }),
      });
      await reinvestigation.getByLabel("钱书记（党委）").check();
      await reinvestigation.getByLabel("孙委员（党委）").check();
      await reinvestigation.getByLabel("理由").fill("调查组认定的事实不清，需补充询问行政相对人。");
      await reinvestigation.getByRole("button", { name: "责令重新组织调查" }).click();
      await expect
        .poll(() => committee.page.getByTestId("case-stage").textContent())
        .toBe("责令重新组织调查");

      await open(committee.page, caseUrl(second.proceedingId));
      const decision = committee.page.locator("section", {
        has: committee.page.getByRole("heading", { name: /记录党委集体研究决定/ }),
      });
      await decision.getByRole("group", { name: "出席人员" }).getByLabel("钱书记（党委）").check();
      await decision.getByRole("group", { name: "出席人员" }).getByLabel("孙委员（党委）").check();
      await decision.getByLabel("处理决定").fill("责令作出书面检查");
      await decision
        .getByRole("group", { name: "决定涉及的执法人员" })
        .getByLabel("周执法（执法一科）")
        .check();
      await decision.getByLabel("涉嫌违纪违法，应报纪检组").check();
      await expectAccessible(committee.page, "the committee's decision form");
      await decision.getByRole("button", { name: "记录党委集体研究决定" }).click();
      await expect.poll(() => committee.page.getByTestId("case-stage").textContent()).toBe("待移送纪检组");
      const decided = (await committee.page.getByTestId("decision").textContent()) ?? "";
      expect(decided).toContain("责令作出书面检查");
      expect(decided).toContain("钱书记");
      expect(decided).toContain("孙委员");
      expect(decided).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(await committee.page.getByTestId("case-history").textContent()).toContain("党委集体研究决定");
      await expectAccessible(committee.page, "a decided proceeding");

      // WC.10.3 如涉嫌违纪违法及时向……纪检组报告: the referral.
      await committee.page.getByLabel("报告内容").fill("执法人员涉嫌违反工作纪律，报请纪检组处理。");
      await committee.page.getByRole("button", { name: "报区纪委监委驻发改委纪检组" }).click();
      await expect.poll(() => committee.page.getByTestId("case-stage").textContent()).toBe("已移送纪检组");
      expect(await committee.page.getByTestId("case-history").textContent()).toContain("报告纪检组");
      await screenshot(committee.page, "case-committee");
      expect(committeeErrors).toEqual([]);
      await committee.close();
    });
  },
);
