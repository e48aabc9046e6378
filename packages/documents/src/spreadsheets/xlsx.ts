/** Tables as an XLSX workbook (exceljs): one worksheet per table, headers bold and frozen. */
import ExcelJS from "exceljs";
import type { Table } from "./statistics-tables.js";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const tablesToXlsx = async (
  tables: ReadonlyArray<Table>,
  options: { readonly title: string },
): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "留痕 Liuhen";
  workbook.title = options.title;
  // Fixed, so the same figures give the same workbook.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow([...table.headers]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 44 : 18;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
