/**
 * Wrong-case proceedings for the demo, one at each stage a bureau meets most: a report just received, one
 * accepted with its WC.10.1 transfer period running, one under investigation, one awaiting the committee, a
 * re-investigation ordered (WC.10.3 period running), a decision made known to the officer with their
 * statement (WC.12), and a report transferred to the competent body and closed.
 */
import { DEMO_PEOPLE, type DemoRole } from "./demo-agency.js";
import type { DemoCaller } from "./seed-demo.js";

type Callers = Readonly<Record<DemoRole | "admin", DemoCaller>>;

interface Position {
  readonly proceedingId: string;
  readonly version: number;
}

const target = (at: Position) => ({ proceedingId: at.proceedingId, expectedVersion: at.version });
const next = (at: Position, answer: { readonly version: number }): Position => ({
  proceedingId: at.proceedingId,
  version: answer.version,
});

/** 行政处罚 facts the legal section assesses for its proposal (CONFORMANCE.md's contract). */
const ASSESSMENT = {
  kind: "wrong-case",
  case: { kind: "administrative-penalty" },
  triggers: ["WC.5.1"],
  confirmed: true,
  officers: [{ id: DEMO_PEOPLE.officer.personId, conduct: ["WC.6.4"], mitigating: [], aggravating: [] }],
};

const ALLEGATIONS = [
  "对某超市作出的行政处罚决定书中，认定的违法所得金额与现场检查笔录不一致，执法人员未依法告知当事人陈述、申辩权利。",
  "某餐饮店举报：执法人员在食品安全检查中未出示执法证件，现场检查笔录无当事人签名。",
  "某药店投诉：药品经营许可变更申请超过法定期限未予办理，亦未书面说明理由。",
  "某企业反映：责令改正通知书送达后，执法人员未经复查即作出罚款决定。",
  "群众来信：执法人员对同一违法行为重复罚款。",
  "某个体工商户投诉：查封扣押物品清单与实际扣押物品不符。",
  "反映某建材公司计量器具检定案件：案件不属于本局管辖，系人力资源和社会保障部门职责。",
] as const;

export const seedWrongCases = async (as: Callers): Promise<void> => {
  const officer = DEMO_PEOPLE.officer.personId;
  const report = async (allegation: string) =>
    (await as.handler.wrongCase.report({ officers: [officer], allegation })) as Position;
  const accept = async (at: Position) => next(at, await as.legal.wrongCase.accept(target(at)));
  const toHead = async (at: Position) =>
    next(at, await as.legal.wrongCase.reportToHead({ ...target(at), head: DEMO_PEOPLE.head.personId }));
  const team = async (at: Position) =>
    next(
      at,
      await as.head.wrongCase.assignTeam({ ...target(at), members: [DEMO_PEOPLE.investigator.personId] }),
    );
  const investigate = async (at: Position, summary: string) =>
    next(
      at,
      await as.investigator.wrongCase.logInvestigation({ ...target(at), method: "file-review", summary }),
    );
  const findings = async (at: Position) =>
    next(
      at,
      await as.investigator.wrongCase.submitFindings({
        ...target(at),
        confirmed: true,
        triggers: ["WC.5.1"],
        nature: "认定事实不清，证据不足",
        responsible: [officer],
      }),
    );
  const propose = async (at: Position) =>
    next(
      at,
      await as.legal.wrongCase.propose({
        ...target(at),
        assessment: ASSESSMENT,
        summary: "建议责令作出书面检查，并在全局范围内通报批评。",
      }),
    );
  const attendance = [DEMO_PEOPLE.committee.personId, DEMO_PEOPLE.committeeMember.personId];
  const investigated = async (allegation: string) =>
    investigate(await team(await toHead(await accept(await report(allegation)))), "调阅案卷及现场检查笔录");

  // 1. Just received.
  await report(ALLEGATIONS[0]);
  // 2. Accepted: the WC.10.1 transfer period runs.
  await accept(await report(ALLEGATIONS[1]));
  // 3. Under investigation.
  await investigated(ALLEGATIONS[2]);
  // 4. The legal section's proposal awaits the committee.
  await propose(await findings(await investigated(ALLEGATIONS[3])));
  // 5. The committee found the facts unclear: a new investigation within the WC.10.3 period.
  const unclear = await propose(await findings(await investigated(ALLEGATIONS[4])));
  await as.committee.wrongCase.orderReinvestigation({
    ...target(unclear),
    attendance,
    reasons: "调查组未询问行政相对人，事实不清。",
  });
  // 6. Decided and made known to the officer, who has stated their case (WC.12).
  let decided = await propose(await findings(await investigated(ALLEGATIONS[5])));
  decided = next(
    decided,
    await as.committee.wrongCase.decide({
      ...target(decided),
      attendance,
      outcome: "责令张伟作出书面检查，暂扣执法证三个月。",
      officers: [officer],
      suspectedViolation: false,
    }),
  );
  decided = next(decided, await as.legal.wrongCase.notifyOfficer({ ...target(decided), officer }));
  await as.officer.wrongCase.fileStatement({
    ...target(decided),
    statement: "扣押物品清单系现场人员誊写错误，本人已及时更正，请予考虑。",
  });
  // 7. Not the bureau's: transferred within WC.10.1's two working days, and closed.
  const elsewhere = await accept(await report(ALLEGATIONS[6]));
  const transferred = next(
    elsewhere,
    await as.legal.wrongCase.transfer({
      ...target(elsewhere),
      competentBody: "黔江区人力资源和社会保障局",
      reason: "被反映事项不属于本局职责范围。",
    }),
  );
  await as.legal.wrongCase.close(target(transferred));
};
