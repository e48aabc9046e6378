/**
 * Rows of the authorization matrix for official documents: generating one belongs to the role whose step it
 * is (the committee's decision, WC.10.3) and needs the file readable (need-to-know refuses the subject);
 * listing a file's documents is for those who read the file; checking a verification code is for anyone.
 */
import { driveTo } from "../support/wrong-case-driver.js";
import { type Rows, SUBJECT_PERSON, teamOf } from "./matrix.js";

export const DOCUMENT_ROWS: Rows = {
  "documents.generate": {
    kind: "mutation",
    access: ["committee"],
    refusesSubject: true,
    input: async (_, env) => ({
      proceeding: {
        kind: "wrong-case",
        id: (await driveTo(env.url, env.cast, "decided", { officers: [SUBJECT_PERSON] })).proceedingId,
      },
      kind: "committee-decision",
    }),
  },
  "documents.list": {
    kind: "query",
    access: ["legal-officer", "head", "investigator", "committee"],
    refusesSubject: true,
    input: async (cell, env) => ({
      proceeding: {
        kind: "wrong-case",
        id: (
          await driveTo(env.url, env.cast, "proposal-made", {
            officers: [SUBJECT_PERSON],
            team: teamOf(cell),
          })
        ).proceedingId,
      },
    }),
  },
  "documents.verify": { kind: "query", access: "anyone", input: async () => ({ code: "0000-0000-0000" }) },
};
