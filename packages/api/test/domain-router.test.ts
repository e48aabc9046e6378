/** The regulation procedures and the error map, called in process through a tRPC caller. */
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { fromTagged } from "../src/errors/to-trpc-error.js";
import { anonymousContext, appRouter, createCallerFactory, ERROR_CODES } from "../src/index.js";
import { testServices } from "./support/services.js";

const { runtime, cleanUp } = testServices();
const caller = createCallerFactory(appRouter)(anonymousContext(runtime, "127.0.0.1"));
afterAll(cleanUp);

describe("the domain router", () => {
  it("IF.10.1: assesses an interference contact", async () => {
    const result = await caller.domain.assess({
      kind: "interference",
      person: { relation: "current", employment: "established", role: "leader" },
      acts: [{ act: "instruct-lower-penalty" }],
      method: "oral",
      viaProcedure: false,
      recorded: true,
    });
    expect(result).toMatchObject({ finding: "interference", categories: ["IF.10.1"] });
  });

  it("WC.9: contradictory facts are UNPROCESSABLE_CONTENT with the ContradictoryFacts tag", async () => {
    const error = await caller.domain
      .assess({
        kind: "wrong-case",
        case: { kind: "administrative-penalty" },
        triggers: ["WC.5.1"],
        confirmed: true,
        officers: [{ id: "o1", conduct: ["WC.6.3"], mitigating: ["WC.8.5"], aggravating: ["WC.9a"] }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNPROCESSABLE_CONTENT");
    expect((error as TRPCError & { data: { tag: string } }).data.tag).toBe("ContradictoryFacts");
  });
});

describe("the error map", () => {
  it("maps every known tag to its code and both languages", () => {
    for (const [tag, row] of Object.entries(ERROR_CODES)) {
      const error = fromTagged({ _tag: tag, message: "detail" });
      expect(error.code).toBe(row.code);
      expect(error.data).toMatchObject({ tag, zh: row.zh, en: row.en });
      expect(error.message).toBe(`${row.zh} / ${row.en}: detail`);
    }
  });

  it("turns an unknown tag into an internal error that reveals nothing", () => {
    const error = fromTagged({ _tag: "SomethingSecret", message: "password=hunter2" });
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toContain("hunter2");
  });
});

describe("error messages", () => {
  it("do not repeat a detail that is only the English message again", () => {
    const row = ERROR_CODES.Forbidden;
    expect(fromTagged({ _tag: "Forbidden", message: row.en.toLowerCase() }).message).toBe(
      `${row.zh} / ${row.en}`,
    );
  });
});
