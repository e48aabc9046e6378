/**
 * Interference records for the demo (IF.3–IF.12a), one at each stage: recorded, reported, checked, a lead
 * before the head, under investigation, found interference awaiting approval, approved, circulated (通报),
 * referred for discipline, closed, found legitimate (IF.13), handed over, and one about the head that went
 * straight to the district judicial-supervision channel. Each step through the API as its person.
 */
import { DEMO_PEOPLE, type DemoRole } from "./demo-agency.js";
import type { DemoCaller } from "./seed-demo.js";

type Callers = Readonly<Record<DemoRole | "admin", DemoCaller>>;

interface Position {
  readonly recordId: string;
  readonly version: number;
}

const at = (p: Position) => ({ recordId: p.recordId, expectedVersion: p.version });
const next = (p: Position, answer: { readonly version: number }): Position => ({
  recordId: p.recordId,
  version: answer.version,
});

interface DemoContact {
  readonly content: string;
  readonly acts: ReadonlyArray<string>;
  readonly method: "oral" | "phone" | "written" | "message" | "in-person";
}

const CONTACTS: ReadonlyArray<DemoContact> = [
  {
    content: "来电询问某超市案进展，要求“手下留情”，从轻处罚",
    acts: ["instruct-lower-penalty"],
    method: "phone",
  },
  { content: "当面为当事人说情，请求不予立案", acts: ["plead-for-party"], method: "in-person" },
  { content: "微信打听案件调查细节及举报人信息", acts: ["probe-case-details"], method: "message" },
  { content: "要求将案卷材料转交当事人", acts: ["forward-materials-for-party"], method: "oral" },
  { content: "提议与当事人私下见面协调", acts: ["propose-private-meeting"], method: "phone" },
  { content: "要求撤销已立案件", acts: ["instruct-withdraw-case"], method: "oral" },
  { content: "要求变更查封扣押措施", acts: ["instruct-change-coercive-measure"], method: "written" },
  { content: "要求停止调查", acts: ["instruct-stop-investigation"], method: "phone" },
  { content: "透露即将开展的检查安排", acts: ["tip-off"], method: "message" },
  { content: "经正常程序询问案件办理进度", acts: ["inquiry"], method: "oral" },
  { content: "对案件定性发表意见", acts: ["characterisation-opinion"], method: "in-person" },
];

export const seedInterference = async (as: Callers): Promise<void> => {
  let n = 0;
  const record = async (person: string, capacity: string, content?: string) => {
    const base = CONTACTS[n % CONTACTS.length] as DemoContact;
    const c: DemoContact = { ...base, content: content ?? base.content };
    n += 1;
    return (await as.handler.interference.record({
      time: "2026-11-02T10:30",
      place: "执法一科办公室",
      person: { staff: person, employment: "established" },
      capacity: capacity as never,
      method: c.method,
      content: c.content,
      caseRef: `黔江市监处罚〔2026〕${10 + n}号`,
      acts: c.acts.map((act) => ({ act })) as never,
      viaProcedure: c.acts[0] === "inquiry",
      response: "已拒绝，并告知其依照程序办理",
    })) as Position;
  };
  const colleague = DEMO_PEOPLE.colleague.personId;
  const head = DEMO_PEOPLE.head.personId;
  const reviewedRecord = async () => {
    const p = await record(colleague, "colleague");
    const r = next(p, await as.handler.interference.reportToLegalSection(at(p)));
    return next(r, await as.legal.interference.review(at(r)));
  };
  const leadReported = async () => {
    const p = await reviewedRecord();
    return next(p, await as.legal.interference.leadToHead({ ...at(p), head, lead: "涉嫌违规过问案件" }));
  };
  const investigating = async () => {
    const p = await leadReported();
    return next(
      p,
      await as.head.interference.openInvestigation({
        ...at(p),
        investigators: [DEMO_PEOPLE.investigator.personId],
      }),
    );
  };
  const found = async () => {
    let p = await investigating();
    p = next(
      p,
      await as.investigator.interference.noteInvestigation({ ...at(p), note: "调取通话记录，询问当事人" }),
    );
    return next(
      p,
      await as.legal.interference.findInterference({
        ...at(p),
        categories: ["IF.10.1"],
        reasons: "超越职权要求降格处罚",
      }),
    );
  };
  const approved = async () => {
    const p = await found();
    return next(
      p,
      await as.head.interference.approveNotification({ ...at(p), authority: "局党委人事管理权限" }),
    );
  };
  const circulated = async () => {
    const p = await approved();
    return next(
      p,
      await as.legal.interference.notify({ ...at(p), notice: "关于孙华同志违规干预案件办理的通报" }),
    );
  };

  // Recorded only; reported; checked; a lead before the head; under investigation; found; approved.
  await record(colleague, "colleague");
  await as.handler.interference.reportToLegalSection(at(await record(colleague, "colleague")));
  await reviewedRecord();
  await leadReported();
  await investigating();
  await found();
  await approved();
  // Circulated; then referred for discipline; then closed.
  await circulated();
  const referred = await circulated();
  await as.legal.interference.referForDiscipline({
    ...at(referred),
    basis: "违反《中国共产党纪律处分条例》",
  });
  const closing = await circulated();
  await as.legal.interference.close(at(closing));
  // Found legitimate: an inquiry through normal procedure, recorded (IF.13.2).
  const inquiry = await reviewedRecord();
  await as.legal.interference.findLegitimate({
    ...at(inquiry),
    grounds: ["IF.13.2"],
    reasons: "经正常程序询问，已如实记录",
  });
  // Handed over to the district judicial-supervision body (IF.4 必要时可移交).
  const handedOver = await leadReported();
  await as.legal.interference.handOver({ ...at(handedOver), reason: "涉及局领导班子成员，移交区司法局调查" });
  // About the head: only the district judicial-supervision channel may take it (IF.3).
  const aboutHead = await record(head, "leader", "局长要求对某企业案件“研究一下”，暗示不予处罚");
  await as.handler.interference.reportToJudicialSupervision({
    ...at(aboutHead),
    reason: "被记录人为局主要负责人",
  });
};
