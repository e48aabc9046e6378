/**
 * Rows of the authorization matrix for the legal section's oversight (IF.4 spot checks, IF.12b failures to
 * record, monthly attestation) and the statistics. None of these reads one file as a whole, so none refuses
 * the subject by need-to-know; what a caller may see inside them is the routers' own tests' business.
 */
import { expect } from "vitest";
import { call } from "../support/http.js";
import { contact, IF_CAST, recordContact } from "../support/interference-driver.js";
import { COLLEAGUE } from "./interference-rows.js";
import type { MatrixEnv, Rows } from "./matrix.js";

interface Drawn {
  readonly drawId: string;
  readonly sample: {
    readonly records: ReadonlyArray<{ readonly id: string }>;
    readonly handlers: ReadonlyArray<{ readonly id: string }>;
  } | null;
}

let days = 0;
/** A day of its own, in 2021, so a spot check's period holds exactly the records a cell made for it. */
const freshDay = () => new Date(Date.UTC(2021, 0, 4 + ++days)).toISOString().slice(0, 10);
let months = 0;
/** A month of its own, in 2022, for a handler to attest. */
const freshMonth = () => `${2022 + Math.floor(months / 12)}-${String((months++ % 12) + 1).padStart(2, "0")}`;

const ok = (answer: { readonly error: unknown; readonly data: unknown }, what: string) => {
  expect(answer.error, what).toBeNull();
  return answer.data;
};

/** A spot check committed by the cast's legal officer over `day` (or a day with nothing), and drawn. */
const spotCheck = async (
  { url, icast }: MatrixEnv,
  sizes: { readonly records: number; readonly handlers: number },
  day = freshDay(),
  draw = true,
): Promise<Drawn> => {
  const committed = ok(
    await call(url, "mutation", "oversight.commitSpotCheck", { from: day, to: day, ...sizes }, icast.legal),
    "commitSpotCheck",
  ) as Drawn;
  if (!draw) return committed;
  return ok(
    await call(url, "mutation", "oversight.drawSpotCheck", { drawId: committed.drawId }, icast.legal),
    "drawSpotCheck",
  ) as Drawn;
};

export const OVERSIGHT_ROWS: Rows = {
  "oversight.commitSpotCheck": {
    kind: "mutation",
    access: ["legal-officer"],
    input: async () => ({ from: freshDay(), to: freshDay(), records: 0, handlers: 0 }),
  },
  "oversight.drawSpotCheck": {
    kind: "mutation",
    access: ["legal-officer"],
    input: async (_, env) => ({
      drawId: (await spotCheck(env, { records: 0, handlers: 0 }, freshDay(), false)).drawId,
    }),
  },
  "oversight.spotCheck": {
    kind: "query",
    access: ["legal-officer"],
    input: async (_, env) => ({ drawId: (await spotCheck(env, { records: 0, handlers: 0 })).drawId }),
  },
  "oversight.spotChecks": { kind: "query", access: ["legal-officer"], input: async () => undefined },
  "oversight.workQueues": { kind: "query", access: ["legal-officer"], input: async () => undefined },
  "oversight.runningPeriods": {
    kind: "query",
    access: ["legal-officer", "head"],
    input: async () => undefined,
  },
  // The one record made on a day of its own is the whole population, so the sample is that record.
  "oversight.checkSampledRecord": {
    kind: "mutation",
    access: ["legal-officer"],
    input: async (_, env) => {
      const day = freshDay();
      const made = await recordContact(
        env.url,
        env.icast.handler,
        contact(
          { staff: COLLEAGUE.personId, employment: "established" },
          { time: `${day}T09:00`, date: day },
        ),
      );
      const drawn = await spotCheck(env, { records: 1, handlers: 0 }, day);
      expect(drawn.sample?.records.map((r) => r.id)).toEqual([made.recordId]);
      return { drawId: drawn.drawId, recordId: made.recordId, expectedVersion: made.version };
    },
  },
  // Every handler is drawn; the cast's handler is checked, someone other than the caller.
  "oversight.checkSampledHandler": {
    kind: "mutation",
    access: ["legal-officer"],
    input: async (_, env) => ({
      drawId: (await spotCheck(env, { records: 0, handlers: 100 })).drawId,
      handler: IF_CAST.handler.personId,
      outcome: "no-issue",
      note: "抽查记录完整",
    }),
  },
  "oversight.registerNonRecording": {
    kind: "mutation",
    access: ["legal-officer"],
    input: async () => ({
      handler: IF_CAST.handler.personId,
      kind: "not-recorded",
      caseRef: "黔江市监处罚〔2026〕21号",
      facts: "对领导干部过问案件情况未予记录",
    }),
  },
  "oversight.nonRecordingByHandler": {
    kind: "query",
    access: ["legal-officer"],
    input: async () => undefined,
  },
  // On by default: for a caller who may switch it, the root administrator switches it off first, so the
  // cell's switch back on is a change; the rest of the matrix finds it on.
  "oversight.setMonthlyAttestation": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ identity }, { url, root }) => {
      if (identity.account?.roles.includes("admin") === true && identity.mustChangePassword !== true) {
        const off = await call(url, "mutation", "oversight.setMonthlyAttestation", { enabled: false }, root);
        expect(off.error).toBeNull();
      }
      return { enabled: true };
    },
  },
  "oversight.monthlyAttestation": {
    kind: "query",
    access: ["admin", "legal-officer", "handler"],
    input: async () => undefined,
  },
  "oversight.myAttestation": {
    kind: "query",
    access: ["handler"],
    input: async () => ({ month: "2022-01" }),
  },
  // A month of 2022, when no cell had records: a nil return (零报告) is the true one.
  "oversight.attest": {
    kind: "mutation",
    access: ["handler"],
    input: async () => ({ month: freshMonth(), kind: "none" }),
  },
  "oversight.attestationStatus": {
    kind: "query",
    access: ["legal-officer"],
    input: async () => ({ month: "2022-01" }),
  },
  "oversight.statistics": {
    kind: "query",
    access: ["legal-officer", "head", "judicial-supervision"],
    input: async () => ({}),
  },
  "oversight.wrongCaseStatistics": {
    kind: "query",
    access: ["legal-officer", "head"],
    input: async () => ({ quarter: "2020-Q4" }),
  },
};
