/**
 * What every projection checks when it reads its rows or applies an event (src/projections/projection-rows.ts):
 * a row that fails its Schema, an event in another record's stream, and a row at the wrong version are each
 * `ProjectionOutOfStep` naming the projection and the stream.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect, Option, Schema } from "effect";
import type { RecordedEvent } from "../src/index.js";
import { projectionRows } from "../src/projections/projection-rows.js";

const { outOfStep, decodeRows, checkStream, checkVersion } = projectionRows("lamps");

const LampRow = Schema.Struct({ lamp_id: Schema.String, version: Schema.Number });
const decodeLamps = decodeRows(LampRow, "a lamp row");

/** The third event of stream `lamp/1`. */
const event = {
  id: "0b8f5c52-3f5e-4d6c-9a57-1f1d2c3b4a59",
  agencyId: "qianjiang",
  streamId: "lamp/1",
  streamVersion: 3,
} as unknown as RecordedEvent;

describe("projection rows", () => {
  it.effect("decodes rows that pass their Schema", () =>
    Effect.gen(function* () {
      const rows = yield* decodeLamps("qianjiang", "lamp/1")([{ lamp_id: "1", version: 2 }]);
      expect(rows).toEqual([{ lamp_id: "1", version: 2 }]);
    }),
  );

  it.effect("answers a row that fails its Schema with the projection out of step", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(decodeLamps("qianjiang", "(all lamps)")([{ lamp_id: 1, version: 2 }]));
      expect(error._tag).toBe("ProjectionOutOfStep");
      expect(error).toMatchObject({ projection: "lamps", agencyId: "qianjiang", streamId: "(all lamps)" });
      expect(error.detail).toMatch(/^a lamp row fails its Schema: /);
    }),
  );

  it.effect("refuses an event in another record's stream, saying what it does", () =>
    Effect.gen(function* () {
      yield* checkStream(event, "lamp/1", "lights lamp 1 from another lamp's stream");
      const error = yield* Effect.flip(
        checkStream(event, "lamp/2", "lights lamp 2 from another lamp's stream"),
      );
      expect(error).toMatchObject({
        projection: "lamps",
        streamId: "lamp/1",
        detail: `event ${event.id} lights lamp 2 from another lamp's stream`,
      });
    }),
  );

  it.effect("lets an event follow its row's version, and refuses one that skips or repeats", () =>
    Effect.gen(function* () {
      yield* checkVersion(event, Option.some({ version: 2 }));
      const behind = yield* Effect.flip(checkVersion(event, Option.some({ version: 1 })));
      expect(behind.detail).toBe(`its row is at version 1, but event ${event.id} is version 3`);
      const none = yield* Effect.flip(checkVersion(event, Option.none(), "its lamp row"));
      expect(none.detail).toBe(`its lamp row is at version 0, but event ${event.id} is version 3`);
    }),
  );

  it.effect("lets a stream's first event find no row", () =>
    checkVersion({ ...event, streamVersion: 1 }, Option.none()),
  );

  it("names the projection in every refusal", () => {
    expect(outOfStep("qianjiang", "lamp/1", "broken").message).toBe(
      "projection lamps is out of step with stream lamp/1 of qianjiang: broken; rebuild the projections from the log",
    );
  });
});
