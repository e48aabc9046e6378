/**
 * The request both HTTP contenders answer: a handler records an interference contact (IF.3) — the five
 * elements, the acts, the answer given — as `interference.record` takes it. Generated from a seed so each
 * request differs (time, place, content, acts) the way a bureau's records do, and the same seed gives the
 * same bodies everywhere.
 */
import { seededRandom } from "../lib/random.js";

const PLACES = ["执法一科办公室", "执法二科办公室", "局机关会议室", "某超市现场", "电话"];
const METHODS = ["phone", "in-person", "message", "written", "oral"] as const;
const CONTENTS = [
  "来电要求对某超市案从轻处罚",
  "当面打听案件调查进展",
  "发来短信请求关照当事人",
  "要求暂缓送达处罚决定书",
];
const ACTS = [
  [{ act: "instruct-lower-penalty" }],
  [{ act: "probe-case-details" }],
  [{ act: "plead-for-party" }],
  [{ act: "instruct-lower-penalty" }, { act: "plead-for-party" }],
] as const;

export interface RecordRequest {
  readonly time: string;
  readonly place: string;
  readonly person: { readonly other: string; readonly relation: "none" };
  readonly capacity: "colleague";
  readonly method: (typeof METHODS)[number];
  readonly content: string;
  readonly caseRef: string;
  readonly acts: ReadonlyArray<{ readonly act: string }>;
  readonly viaProcedure: boolean;
  readonly response: string;
}

/** `count` request bodies (JSON text) from `seed`, contacts of the first half of 2026. */
export const recordRequests = (seed: string, count: number): ReadonlyArray<string> => {
  const random = seededRandom(seed);
  const pick = random.pick;
  return Array.from({ length: count }, (_, i) => {
    const month = 1 + random.int(0, 5);
    const day = 1 + random.int(0, 27);
    const request: RecordRequest = {
      time: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(8 + (i % 10)).padStart(2, "0")}:30`,
      place: pick(PLACES),
      person: { other: `外单位人员${i % 97}号`, relation: "none" },
      capacity: "colleague",
      method: pick(METHODS),
      content: pick(CONTENTS),
      caseRef: `黔江市监处罚〔2026〕${1 + (i % 400)}号`,
      acts: pick(ACTS),
      viaProcedure: false,
      response: "已拒绝，并告知其依照程序办理",
    };
    return JSON.stringify(request);
  });
};
