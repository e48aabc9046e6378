/** Statistics as tables, and the tables as XLSX (exceljs) and as CSV with a UTF-8 BOM for Excel. */
export * from "./csv.js";
export * from "./statistics-tables.js";
export * from "./xlsx.js";
