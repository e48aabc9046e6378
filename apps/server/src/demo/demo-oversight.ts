/**
 * The legal section's oversight in the demo: a spot check committed and drawn (IF.4), two failures to record
 * by the same handler, the second leading to a discipline referral (IF.12b), and last month's nil return
 * (零报告) by a handler.
 */
import { DEMO_PEOPLE, type DemoRole } from "./demo-agency.js";
import type { DemoCaller } from "./seed-demo.js";

type Callers = Readonly<Record<DemoRole | "admin", DemoCaller>>;

export const seedOversight = async (as: Callers, today: string): Promise<void> => {
  const monthStart = `${today.slice(0, 7)}-01`;
  const committed = await as.legal.oversight.commitSpotCheck({
    from: monthStart,
    to: today,
    records: 2,
    handlers: 1,
    purpose: "本月干预记录抽查",
  });
  await as.legal.oversight.drawSpotCheck({ drawId: committed.drawId });
  for (const caseRef of ["黔江市监处罚〔2026〕31号", "黔江市监处罚〔2026〕36号"]) {
    await as.legal.oversight.registerNonRecording({
      handler: DEMO_PEOPLE.officer.personId,
      kind: "not-recorded",
      caseRef,
      facts: "对他人过问案件的情况未予记录，经抽查发现",
    });
  }
  const [year, month] = today.slice(0, 7).split("-").map(Number) as [number, number];
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  await as.handler.oversight.attest({ month: lastMonth, kind: "none" });
};
