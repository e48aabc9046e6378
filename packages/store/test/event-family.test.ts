/**
 * Event families (src/event-log/event-family.ts): a change is written under its tag's type name with its
 * citations, a stored event is decoded only if its type name is the family's and its payload's tag agrees
 * with it, and the stored type names of every family stay as the hashed logs already hold them.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect, Schema } from "effect";
import { eventFamily } from "../src/event-log/event-family.js";
import {
  accountEventTypes,
  attestationEventTypes,
  documentEventTypes,
  type Event,
  intakeEventTypes,
  interferenceEventTypes,
  nonRecordingEventType,
  notificationEventTypes,
  personEventTypes,
  personnelActionEventTypes,
  spotCheckEventTypes,
  wrongCaseEventTypes,
} from "../src/index.js";

const LampLit = Schema.TaggedStruct("LampLit", { lamp: Schema.String, on: Schema.String });
const LampOut = Schema.TaggedStruct("LampOut", { lamp: Schema.String });
const LampEvent = Schema.Union(LampLit, LampOut);
type LampEvent = typeof LampEvent.Type;

const lamps = eventFamily({
  what: "lamp change",
  payload: LampEvent,
  prefix: "Lamp.",
  names: { LampLit: "Lamp.Lit", LampOut: "Lamp.Out" },
  citations: (event) => (event._tag === "LampLit" ? ["IF.3"] : []),
});

/** A stored event as the log would hand it back: the change's type name, citations and encoded payload. */
const stored = (type: string, payload: unknown, citations: ReadonlyArray<string> = []): Event =>
  ({
    id: "0b8f5c52-3f5e-4d6c-9a57-1f1d2c3b4a59",
    agencyId: "qianjiang",
    streamId: "lamp/1",
    streamVersion: 1,
    type,
    actor: "tester",
    occurredAt: "2025-09-01T08:00:00.000Z",
    citations,
    payload,
  }) as unknown as Event;

const storedChange = (event: LampEvent): Event => {
  const change = lamps.change(event, "tester");
  return stored(change.type.name, Schema.encodeSync(change.type.payload)(change.payload), change.citations);
};

const refusal = (event: Event) => Effect.flip(lamps.decode(event));

describe("event families", () => {
  it("writes each change under its tag's type name, with the whole union as payload Schema", () => {
    expect(lamps.types.LampLit.name).toBe("Lamp.Lit");
    expect(lamps.types.LampOut.name).toBe("Lamp.Out");
    const change = lamps.change({ _tag: "LampOut", lamp: "hall" }, "tester");
    expect(change.type).toBe(lamps.types.LampOut);
    expect(change.actor).toBe("tester");
    expect(change.payload).toEqual({ _tag: "LampOut", lamp: "hall" });
  });

  it("cites what the family gives for each change: by change, or the same for all", () => {
    expect(lamps.change({ _tag: "LampLit", lamp: "hall", on: "dusk" }, "tester").citations).toEqual(["IF.3"]);
    expect(lamps.change({ _tag: "LampOut", lamp: "hall" }, "tester").citations).toEqual([]);
    const cited = eventFamily({
      what: "lamp change",
      payload: LampEvent,
      names: { LampLit: "Lit", LampOut: "Out" },
      citations: ["IF.4"],
    });
    expect(cited.change({ _tag: "LampOut", lamp: "hall" }, "tester").citations).toEqual(["IF.4"]);
  });

  it.effect("decodes a stored change back to the change written", () =>
    Effect.gen(function* () {
      const lit: LampEvent = { _tag: "LampLit", lamp: "hall", on: "dusk" };
      const out: LampEvent = { _tag: "LampOut", lamp: "hall" };
      expect(yield* lamps.decode(storedChange(lit))).toEqual(lit);
      expect(yield* lamps.decode(storedChange(out))).toEqual(out);
    }),
  );

  it.effect("refuses a type name the family does not have, naming the field `type`", () =>
    Effect.gen(function* () {
      const error = yield* refusal(stored("Lamp.Broken", { _tag: "LampOut", lamp: "hall" }));
      expect(error._tag).toBe("InvalidEvent");
      expect(error.field).toBe("type");
      expect(error.message).toBe("no lamp change is called Lamp.Broken");
    }),
  );

  it.effect("refuses a payload whose tag disagrees with the type name, naming `payload._tag`", () =>
    Effect.gen(function* () {
      const error = yield* refusal(stored("Lamp.Lit", { _tag: "LampOut", lamp: "hall" }));
      expect(error.field).toBe("payload._tag");
      expect(error.message).toBe("a Lamp.Lit event carries a LampOut");
    }),
  );

  it.effect("refuses a payload that fails the union, naming the field under `payload`", () =>
    Effect.gen(function* () {
      const error = yield* refusal(stored("Lamp.Lit", { _tag: "LampLit", lamp: "hall" }));
      expect(error.field).toBe("payload.on");
    }),
  );

  it("claims every type under its prefix, so an unknown one is refused rather than passed over", () => {
    expect(lamps.is({ type: "Lamp.Lit" })).toBe(true);
    expect(lamps.is({ type: "Lamp.Broken" })).toBe(true);
    expect(lamps.is({ type: "Lampshade.Fitted" })).toBe(false);
  });

  it("without a prefix, claims exactly its names", () => {
    const unprefixed = eventFamily({
      what: "lamp change",
      payload: LampEvent,
      names: { LampLit: "Lamp.Lit", LampOut: "Switch.Off" },
      citations: [],
    });
    expect(unprefixed.is({ type: "Switch.Off" })).toBe(true);
    expect(unprefixed.is({ type: "Lamp.Lit" })).toBe(true);
    expect(unprefixed.is({ type: "Lamp.Broken" })).toBe(false);
  });

  it("will not give two changes one type name", () => {
    expect(() =>
      eventFamily({
        what: "lamp change",
        payload: LampEvent,
        names: { LampLit: "Lamp.Changed", LampOut: "Lamp.Changed" },
        citations: [],
      }),
    ).toThrow("two lamp changes share a type name");
  });

  it("keeps every stored type name as the logs hold it", () => {
    const names = (types: Record<string, { readonly name: string }>) =>
      Object.values(types).map((type) => type.name);
    expect(names(accountEventTypes)).toEqual([
      "Account.Created",
      "Account.RolesChanged",
      "Account.Disabled",
      "Account.Enabled",
      "Account.PasswordChanged",
    ]);
    expect(names(personEventTypes)).toEqual([
      "Person.Registered",
      "Person.Updated",
      "Person.Departed",
      "Person.Returned",
    ]);
    expect(names(notificationEventTypes)).toEqual(["Notification.Issued", "Notification.Read"]);
    expect(names(intakeEventTypes)).toEqual(["Intake.ReceiptIssued", "Intake.MessagePosted"]);
    expect(names(attestationEventTypes)).toEqual(["Attestation.Made", "AgencySettings.Changed"]);
    expect(names(spotCheckEventTypes)).toEqual([
      "SpotCheck.Committed",
      "SpotCheck.Drawn",
      "SpotCheck.HandlerChecked",
    ]);
    expect(names(personnelActionEventTypes)).toEqual(["PersonnelAction.Registered"]);
    expect(names(documentEventTypes)).toEqual(["Document.Issued"]);
    expect(nonRecordingEventType.name).toBe("NonRecording.Registered");
    for (const [tag, type] of Object.entries(wrongCaseEventTypes)) expect(type.name).toBe(`WrongCase.${tag}`);
    for (const [tag, type] of Object.entries(interferenceEventTypes)) {
      expect(type.name).toBe(`InterferenceRecord.${tag}`);
    }
  });
});
