/**
 * Counts of interference records for the legal section and the head: by IF.10 category (as categorised when
 * recorded, and as found, IF.10 第一项至第七项), by method (IF.3 方式), by the recording handler's department and
 * by month. Counts only: no record id, no name, no case. A record falls in every category it was given, so
 * the category counts may add up to more than the total; every other breakdown adds up to the total.
 */
import { ContactMethod, InterferenceCategory, type InterferenceState } from "@liuhen/domain";
import { monthOf, recordDate, recordMethod } from "./agency-records.js";

const CATEGORIES = InterferenceCategory.literals;
const METHODS = ContactMethod.literals;

type CategoryCounts = { readonly [C in (typeof CATEGORIES)[number]]: number };

const zeroCategories = (): Record<(typeof CATEGORIES)[number], number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<(typeof CATEGORIES)[number], number>;

export interface RecordStatistics {
  readonly total: number;
  /** IF.10 categories the domain gave the contact when it was recorded; `none`: no IF.10 category. */
  readonly byRecordedCategory: CategoryCounts & { readonly none: number };
  /** IF.10 categories found (`InterferenceFound`); `legitimate`: found not to be interference; `pending`: no finding yet. */
  readonly byFinding: CategoryCounts & { readonly legitimate: number; readonly pending: number };
  readonly byMethod: { readonly [M in (typeof METHODS)[number]]: number };
  /** The recording handler's department in the directory now; null when they are not in it. */
  readonly byDepartment: ReadonlyArray<{ readonly department: string | null; readonly count: number }>;
  /** By the month the record was made, earliest first. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly count: number }>;
}

const isCategory = (value: unknown): value is (typeof CATEGORIES)[number] =>
  typeof value === "string" && (CATEGORIES as ReadonlyArray<string>).includes(value);

/**
 * The IF.10 categories of the categorisation kept with the record: the domain's result as the record
 * procedure keeps it (`{ result: { categories } }`), or a bare result (`{ categories }`).
 */
export const recordedCategories = (categorisation: unknown): ReadonlyArray<(typeof CATEGORIES)[number]> => {
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
  return [...new Set(list.filter(isCategory))];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The counts over `records`; `departmentOf` gives the recording handler's department. */
export const recordStatistics = (
  records: ReadonlyArray<InterferenceState>,
  departmentOf: (handler: string) => string | null,
): RecordStatistics => {
  const recorded = { ...zeroCategories(), none: 0 };
  const found = { ...zeroCategories(), legitimate: 0, pending: 0 };
  const methods = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<(typeof METHODS)[number], number>;
  const departments = new Map<string | null, number>();
  const months = new Map<string, number>();
  let total = 0;
  for (const state of records) {
    const date = recordDate(state);
    if (state.record === null || date === null) continue;
    total += 1;
    const categories = recordedCategories(state.record.categorisation);
    if (categories.length === 0) recorded.none += 1;
    for (const c of categories) recorded[c] += 1;
    const finding = state.finding;
    if (finding === null) found.pending += 1;
    else if (finding._tag === "ContactFoundLegitimate") found.legitimate += 1;
    else for (const c of new Set(finding.categories)) found[c] += 1;
    const method = recordMethod(state);
    if (method !== null && Object.hasOwn(methods, method)) methods[method as (typeof METHODS)[number]] += 1;
    const department = departmentOf(state.record.handler);
    departments.set(department, (departments.get(department) ?? 0) + 1);
    const month = monthOf(date);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    total,
    byRecordedCategory: recorded,
    byFinding: found,
    byMethod: methods,
    byDepartment: [...departments]
      .map(([department, count]) => ({ department, count }))
      .sort((a, b) =>
        a.department === null ? 1 : b.department === null ? -1 : byText(a.department, b.department),
      ),
    byMonth: [...months].map(([month, count]) => ({ month, count })).sort((a, b) => byText(a.month, b.month)),
  };
};
