/**
 * One year's holiday arrangement as the State Council General Office publishes it, usually in the autumn
 * before (国务院办公厅关于XXXX年部分节假日安排的通知): for each holiday, the days off (放假) and the weekend
 * days worked instead (调休上班). It is data: an operator adds next year by decoding the notice's dates from JSON
 * with this Schema, without a release.
 */
import { type Either, type ParseResult, Schema } from "effect";
import { IsoDate, isWeekend, yearOf } from "./iso-date.js";

/** A notice of the State Council General Office, as printed at its head. */
export class HolidayNotice extends Schema.Class<HolidayNotice>("HolidayNotice")({
  /** e.g. 国务院办公厅关于2024年部分节假日安排的通知 */
  title: Schema.NonEmptyTrimmedString,
  /** e.g. 国办发明电〔2023〕7号 */
  documentNumber: Schema.NonEmptyTrimmedString,
  /** The date the notice bears. */
  issued: IsoDate,
}) {}

/** A holiday in the notice's words: its name, the days off, and the weekend days worked for it. */
export class Holiday extends Schema.Class<Holiday>("Holiday")({
  /** As the notice names it: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, or a joint name. */
  name: Schema.NonEmptyTrimmedString,
  /** Every day off, weekend days inside the holiday included. */
  restDays: Schema.NonEmptyArray(IsoDate),
  /** Saturdays or Sundays worked (调休上班) for this holiday. */
  adjustedWorkingDays: Schema.optionalWith(Schema.Array(IsoDate), { default: () => [] }),
}) {}

type HolidayFields = {
  readonly year: number;
  readonly holidays: ReadonlyArray<{
    readonly name: string;
    readonly restDays: ReadonlyArray<IsoDate>;
    readonly adjustedWorkingDays: ReadonlyArray<IsoDate>;
  }>;
};

// Each check names the field it fails on, so an operator typing next year's notice sees where.
const arrangementIssues = ({ year, holidays }: HolidayFields): Array<Schema.FilterIssue> => {
  const issues: Array<Schema.FilterIssue> = [];
  const restOf = new Map<string, string>();
  holidays.forEach((holiday, i) => {
    holiday.restDays.forEach((date, j) => {
      const path = ["holidays", i, "restDays", j];
      if (yearOf(date) !== year) issues.push({ path, message: `${date} is not in ${year}` });
      const earlier = restOf.get(date);
      if (earlier !== undefined)
        issues.push({ path, message: `${date} is already a rest day of ${earlier}` });
      else restOf.set(date, holiday.name);
    });
  });
  const workedFor = new Map<string, string>();
  holidays.forEach((holiday, i) => {
    holiday.adjustedWorkingDays.forEach((date, j) => {
      const path = ["holidays", i, "adjustedWorkingDays", j];
      if (yearOf(date) !== year) issues.push({ path, message: `${date} is not in ${year}` });
      if (!isWeekend(date))
        issues.push({
          path,
          message: `${date} is not a Saturday or Sunday: only a weekend day can be worked instead`,
        });
      const rest = restOf.get(date);
      if (rest !== undefined)
        issues.push({ path, message: `${date} is both a rest day of ${rest} and an adjusted working day` });
      const earlier = workedFor.get(date);
      if (earlier !== undefined)
        issues.push({ path, message: `${date} is already an adjusted working day of ${earlier}` });
      else workedFor.set(date, holiday.name);
    });
  });
  return issues;
};

export class HolidayYear extends Schema.Class<HolidayYear>("HolidayYear")(
  Schema.Struct({
    year: Schema.Int.pipe(Schema.between(1, 9999)),
    notice: HolidayNotice,
    /** Later notices that changed this year's arrangement (国办发明电〔2020〕1号 extended 2020's Spring Festival). */
    amendments: Schema.optionalWith(Schema.Array(HolidayNotice), { default: () => [] }),
    holidays: Schema.Array(Holiday),
  }).pipe(Schema.filter(arrangementIssues)),
) {
  /** The document numbers this year's arrangement rests on, the notice first. */
  get documentNumbers(): ReadonlyArray<string> {
    return [this.notice.documentNumber, ...this.amendments.map((n) => n.documentNumber)];
  }
}

/** Decodes an operator's JSON for one year; the error's message names the failing field. */
export const decodeHolidayYear = (input: unknown): Either.Either<HolidayYear, ParseResult.ParseError> =>
  Schema.decodeUnknownEither(HolidayYear)(input, { onExcessProperty: "error", errors: "all" });
