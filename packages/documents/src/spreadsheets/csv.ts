/**
 * Tables as one CSV file for Excel: UTF-8 with a byte order mark (without it Excel reads the Chinese as the
 * system's ANSI code page), CRLF line ends, RFC 4180 quoting. Each table starts with a line naming it and is
 * followed by a blank line.
 */
import type { Cell, Table } from "./statistics-tables.js";

export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
export const UTF8_BOM = "\uFEFF";

const field = (cell: Cell): string => {
  const text = cell === null ? "" : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const line = (cells: ReadonlyArray<Cell>) => cells.map(field).join(",");

export const tablesToCsv = (tables: ReadonlyArray<Table>): string =>
  UTF8_BOM +
  tables.map((t) => [line([t.name]), line(t.headers), ...t.rows.map(line)].join("\r\n")).join("\r\n\r\n") +
  "\r\n";
