/**
 * Holiday years an operator adds without a release (ARCHITECTURE.md, Periods): each an event in the agency's
 * log (holiday-year-events.ts), the `holiday-years` projection (holiday-year-projection.ts), the regimes
 * counted with them (agency-calendars.ts), read and added through `HolidayYears` (holiday-years.ts). Table:
 * migration `0016_holiday_years`. `withAccounts` registers the projection, counts the proceedings' periods
 * with the agency's calendar and provides `HolidayYears`.
 */
export * from "./agency-calendars.js";
export * from "./errors.js";
export * from "./holiday-year-events.js";
export * from "./holiday-year-projection.js";
export * from "./holiday-years.js";
