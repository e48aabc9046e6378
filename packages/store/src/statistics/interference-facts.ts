/**
 * What the statistics count of one interference record, read off its state: the month it was made, the
 * recording handler, IF.3 方式 as the record now reads, the IF.10 categories given when recorded and found,
 * whether the handler reported it to the judicial supervision, and the people it names (its subjects).
 *
 * The meaning is the API's documented statistics (packages/api oversight/record-statistics.ts): a record
 * counts once it is made (it has a date); a record falls in every category it was given; a finding is
 * `pending` until made, `legitimate` when the contact was found legitimate.
 */
import {
  ContactMethod,
  currentRecordElements,
  InterferenceCategory,
  type InterferenceState,
} from "@liuhen/domain";

export const CATEGORIES = InterferenceCategory.literals;
export const METHODS = ContactMethod.literals;
export type Category = (typeof CATEGORIES)[number];
export type Method = (typeof METHODS)[number];

const isCategory = (value: unknown): value is Category =>
  typeof value === "string" && (CATEGORIES as ReadonlyArray<string>).includes(value);

/**
 * The IF.10 categories of the categorisation kept with the record: the domain's result as the record
 * procedure keeps it (`{ result: { categories } }`), or a bare result (`{ categories }`); each once, in the
 * order IF.10 lists them.
 */
export const recordedCategories = (categorisation: unknown): ReadonlyArray<Category> => {
  if (typeof categorisation !== "object" || categorisation === null) return [];
  const { result, categories } = categorisation as { result?: unknown; categories?: unknown };
  const list =
    typeof result === "object" &&
    result !== null &&
    Array.isArray((result as { categories?: unknown }).categories)
      ? (result as { categories: ReadonlyArray<unknown> }).categories
      : Array.isArray(categories)
        ? categories
        : [];
  const given = new Set(list.filter(isCategory));
  return CATEGORIES.filter((c) => given.has(c));
};

/** One made record, as the statistics count it. */
export interface InterferenceFacts {
  /** YYYY-MM of the day the record was made. */
  readonly month: string;
  readonly handler: string;
  /** IF.3 方式 as the record now reads; null when it is none the domain knows. */
  readonly method: Method | null;
  /** IF.10 categories given when recorded; empty: none. */
  readonly recorded: ReadonlyArray<Category>;
  /** `pending` (no finding yet), `legitimate`, or the IF.10 categories found. */
  readonly finding: "pending" | "legitimate" | ReadonlyArray<Category>;
  /** IF.3 必要时可以直接向区司法行政部门……报告: the handler reported it to the judicial supervision. */
  readonly reportedToJudicialSupervision: boolean;
  /** Everyone the record names as having interfered, as recorded or corrected, or a retaliation names. */
  readonly subjects: ReadonlyArray<string>;
}

/** The facts of a record, or null while it is not made. */
export const interferenceFacts = (state: InterferenceState): InterferenceFacts | null => {
  const record = state.record;
  if (record === null) return null;
  const method = currentRecordElements(state)?.method ?? null;
  const finding = state.finding;
  const found: ReadonlyArray<string> =
    finding === null || finding._tag === "ContactFoundLegitimate" ? [] : finding.categories;
  return {
    month: record.date.slice(0, 7),
    handler: record.handler,
    method: (METHODS as ReadonlyArray<string>).includes(method ?? "") ? (method as Method) : null,
    recorded: recordedCategories(record.categorisation),
    finding:
      finding === null
        ? "pending"
        : finding._tag === "ContactFoundLegitimate"
          ? "legitimate"
          : CATEGORIES.filter((c) => found.includes(c)),
    reportedToJudicialSupervision: state.report?._tag === "ReportedToJudicialSupervision",
    subjects: [
      ...new Set(
        [
          record.elements.person,
          ...state.corrections.map((c) => c.corrections.person),
          ...state.retaliationReferrals.map((r) => r.against),
        ].filter((person): person is string => person !== undefined),
      ),
    ].sort(),
  };
};

/** A breakdown the statistics keep counts for. `handler` is turned into departments when read. */
export type InterferenceDimension = "total" | "recorded" | "finding" | "method" | "handler";

/** The counters one record adds to, each `[dimension, value]`: the same record once in every breakdown. */
export const interferenceCounters = (
  facts: InterferenceFacts,
): ReadonlyArray<readonly [InterferenceDimension, string]> => [
  ["total", ""],
  ...(facts.recorded.length === 0
    ? [["recorded", "none"] as const]
    : facts.recorded.map((c) => ["recorded", c] as const)),
  ...(typeof facts.finding === "string"
    ? [["finding", facts.finding] as const]
    : facts.finding.map((c) => ["finding", c] as const)),
  ...(facts.method === null ? [] : [["method", facts.method] as const]),
  ["handler", facts.handler],
];

/** How `recorded` and `finding` are kept in a column: comma-joined, with commas at both ends for LIKE. */
export const joinedCategories = (categories: ReadonlyArray<string>): string =>
  categories.length === 0 ? "" : `,${categories.join(",")},`;
