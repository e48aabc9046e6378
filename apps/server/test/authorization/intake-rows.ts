/**
 * Rows of the authorization matrix for the public report channel (WC.10.1 任何人均有权举报或投诉): anyone may
 * report and, with the receipt code, follow the report; the legal section reads and answers its messages,
 * except a legal officer the findings hold responsible (need-to-know).
 */

import { AGENCY } from "../support/test-server.js";
import { driveTo, publicReport } from "../support/wrong-case-driver.js";
import type { Rows } from "./matrix.js";
import { SUBJECT_PERSON } from "./matrix.js";

export const INTAKE_ROWS: Rows = {
  "intake.submit": {
    kind: "mutation",
    access: "anyone",
    input: async () => ({ agency: AGENCY, allegation: "执法人员未出示执法证件" }),
  },
  "intake.status": {
    kind: "query",
    access: "anyone",
    input: async (_, env) => ({ agency: AGENCY, receiptCode: (await publicReport(env.url)).receiptCode }),
  },
  "intake.postMessage": {
    kind: "mutation",
    access: "anyone",
    input: async (_, env) => ({
      agency: AGENCY,
      receiptCode: (await publicReport(env.url)).receiptCode,
      text: "请问处理进展如何？",
    }),
  },
  // The findings name the subject, who holds the legal section's role and is still refused.
  "intake.messages": {
    kind: "query",
    access: ["legal-officer"],
    refusesSubject: true,
    input: async (_, env) => ({
      proceedingId: (
        await driveTo(env.url, env.cast, "findings-submitted", {
          reporter: "public",
          officers: [SUBJECT_PERSON],
        })
      ).proceedingId,
    }),
  },
  "intake.reply": {
    kind: "mutation",
    access: ["legal-officer"],
    refusesSubject: true,
    input: async (_, env) => ({
      proceedingId: (
        await driveTo(env.url, env.cast, "findings-submitted", {
          reporter: "public",
          officers: [SUBJECT_PERSON],
        })
      ).proceedingId,
      text: "您反映的问题已受理，正在调查。",
    }),
  },
};
