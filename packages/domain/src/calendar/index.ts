export * from "./calendar-day.js";
export * from "./calendar-out-of-range.js";
export * from "./china-mainland.js";
export * from "./holiday-calendar.js";
export * from "./holiday-year.js";
export * from "./iso-date.js";
