/**
 * A year of the holiday calendar as the API answers it: the arrangement as the domain's `HolidayYear`
 * encodes it (what `liuhen calendar add` reads back), where it came from, and for an added year who added
 * it when, and what it replaced and why.
 */
import { HolidayYear } from "@liuhen/domain";
import type { KnownHolidayYear } from "@liuhen/store";
import { Schema } from "effect";

const encodeYear = Schema.encodeSync(HolidayYear);

export const holidayYearView = (known: KnownHolidayYear) => {
  const { amendments, ...year } = encodeYear(known.year);
  return {
    ...year,
    // Encoding writes the default, but its type leaves it optional.
    amendments: amendments ?? [],
    source: known.source,
    added:
      known.added === null
        ? null
        : {
            addition: known.added.addition,
            addedBy: known.added.addedBy,
            addedAt: known.added.addedAt,
            replaced: known.added.replaced,
            reason: known.added.reason,
          },
  };
};
export type HolidayYearView = ReturnType<typeof holidayYearView>;
