import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import {
  AttachmentName,
  AttachmentRef,
  InterferenceRecorded,
  InvestigationLogged,
  MediaType,
  WrongCaseEvent,
} from "../../src/proceedings/index.js";

const SHA = "a".repeat(64);
const REF = { sha256: SHA, name: "现场照片.jpg", mediaType: "image/jpeg", size: 2048 };

const decodes = <A, I>(schema: Schema.Schema<A, I>, value: unknown) =>
  Either.isRight(Schema.decodeUnknownEither(schema)(value));

describe("attachments of a step (WC.10.2, IF.3 全程留痕，有据可查)", () => {
  it("WC.10.2: an investigation act written before attachments existed decodes with none", () => {
    const old = {
      _tag: "InvestigationLogged",
      date: "2024-03-06",
      by: "jiwei-1",
      method: "file-review",
      summary: "调阅案卷",
    };
    const decoded = Schema.decodeUnknownSync(WrongCaseEvent)(old);
    expect(decoded).toEqual({ ...old, attachments: [] });
  });

  it("IF.3: an interference record written before attachments existed decodes with none", () => {
    const made = InterferenceRecorded.make({
      date: "2024-05-06",
      handler: "handler-1",
      caseRef: "黔江市监罚〔2024〕12号",
      elements: {
        time: "2024-05-06T10:00",
        place: "执法支队办公室",
        person: "staff-9",
        method: "in-person",
        content: "询问案件进展",
      },
      response: null,
      categorisation: null,
    });
    const { attachments: _, ...old } = Schema.encodeSync(InterferenceRecorded)(made);
    expect(Schema.decodeUnknownSync(InterferenceRecorded)(old).attachments).toEqual([]);
  });

  it("WC.10.2: an act carries each file's hash, name, media type and size as given", () => {
    const act = InvestigationLogged.make({
      date: "2024-03-06",
      by: "jiwei-1",
      method: "verification",
      summary: "现场核实",
      attachments: [REF],
    });
    const encoded = Schema.encodeSync(InvestigationLogged)(act);
    expect(encoded.attachments).toEqual([REF]);
    expect(Schema.decodeUnknownSync(InvestigationLogged)(encoded)).toEqual(act);
  });

  it("a reference names its content by 64 lower-case hex digits and a whole, non-negative size", () => {
    expect(decodes(AttachmentRef, REF)).toBe(true);
    for (const sha256 of ["A".repeat(64), "a".repeat(63), "g".repeat(64), ""]) {
      expect(decodes(AttachmentRef, { ...REF, sha256 }), sha256).toBe(false);
    }
    for (const size of [-1, 1.5, Number.NaN]) {
      expect(decodes(AttachmentRef, { ...REF, size }), String(size)).toBe(false);
    }
  });

  it("a file name is a bounded name in plain text, not a path", () => {
    for (const name of ["现场照片.jpg", "询问笔录 (2).pdf", "a".repeat(200)]) {
      expect(decodes(AttachmentName, name), name).toBe(true);
    }
    for (const name of [
      "",
      "  ",
      " a.jpg",
      "a".repeat(201),
      "../etc/passwd",
      "a\\b.txt",
      "a\nb",
      "a\u0085b",
      "..",
    ]) {
      expect(decodes(AttachmentName, name), JSON.stringify(name)).toBe(false);
    }
    expect(decodes(AttachmentName, "\ud800.jpg")).toBe(false);
  });

  it("a media type is its lower-case essence, without parameters", () => {
    for (const type of ["image/jpeg", "application/pdf", "application/vnd.ms-excel", "text/plain"]) {
      expect(decodes(MediaType, type), type).toBe(true);
    }
    for (const type of ["Image/JPEG", "text/plain; charset=utf-8", "jpeg", "/jpeg", "image/", ""]) {
      expect(decodes(MediaType, type), type).toBe(false);
    }
  });
});
