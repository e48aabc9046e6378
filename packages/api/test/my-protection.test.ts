/**
 * IF.9 办案人员如实记录……受法律和组织保护, as `interference.myProtection` answers it to the caller, in process
 * over a real SQLite store on a fixed day: no protection before a record is made; once one is, the domain's
 * `checkProtection` holds (IF.9, IF.12a), with the records the caller made and the months they attested. Only
 * the caller's own records count.
 */

import { TRPCError } from "@trpc/server";
import { Ref } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { CaseClock } from "../src/index.js";
import { tokenCallers } from "./support/callers.js";
import { testServices } from "./support/services.js";

const day = Ref.unsafeMake("2026-03-20");
const { runtime, cleanUp } = testServices(CaseClock.fixed(day));
afterAll(cleanUp);

const as = tokenCallers(runtime, "10.9.9.9");

const recorder = as("recorder", ["handler"]);
const colleague = as("colleague", ["handler"]);
const admin = as("admin", ["admin"]);

/** A contact by a former section chief, named in words: no directory entry needed. */
const contact = {
  time: "2026-03-14T10:30",
  place: "执法一科办公室",
  person: { other: "原执法二科科长刘某", relation: "former", employment: "retired" },
  capacity: "colleague",
  method: "phone",
  content: "来电要求对某超市案从轻处罚",
  caseRef: "黔江市监处罚〔2026〕15号",
  acts: [{ act: "instruct-lower-penalty" }],
  viaProcedure: false,
  response: "已拒绝，并告知其依照程序办理",
} as const;

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

describe("interference.myProtection (IF.9)", () => {
  it("IF.9: before any record, no protection is claimed and nothing is cited", async () => {
    expect(await recorder.interference.myProtection()).toEqual({
      protected: false,
      citations: [],
      recordsMade: 0,
      monthsAttested: 0,
      lastAttestedMonth: null,
    });
  });

  it("IF.9, IF.12a: once a record is made the recorder is protected, with the records and months attested", async () => {
    const { recordId } = await recorder.interference.record(contact);
    await recorder.oversight.attest({ month: "2026-02", kind: "none" });
    await recorder.oversight.attest({ month: "2026-03", kind: "records", recordIds: [recordId] });
    expect(await recorder.interference.myProtection()).toEqual({
      protected: true,
      citations: ["IF.9", "IF.12a"],
      recordsMade: 1,
      monthsAttested: 2,
      lastAttestedMonth: "2026-03",
    });
  });

  it("IF.9: another handler's records and attestations are not the caller's", async () => {
    expect(await colleague.interference.myProtection()).toMatchObject({
      protected: false,
      recordsMade: 0,
      monthsAttested: 0,
    });
  });

  it("an administrator, who handles no cases, is not asked", async () => {
    expect(await codeOf(admin.interference.myProtection())).toBe("FORBIDDEN");
  });
});
