/**
 * The statistics tables and their files: a workbook read back with exceljs holds the tables cell for cell
 * with Chinese sheet names; the CSV opens with a UTF-8 BOM and quotes what needs quoting; the quarterly
 * summary has no department sheet.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  quarterlySummaryTables,
  type StatisticsReportInput,
  statisticsTables,
  tablesToCsv,
  tablesToXlsx,
} from "../../src/index.js";

const REPORT: StatisticsReportInput = {
  interference: {
    from: null,
    to: null,
    quarter: "2020-Q4",
    total: 3,
    byRecordedCategory: { "IF.10.1": 2, "IF.10.4": 1, none: 0 },
    byFinding: { "IF.10.1": 1, legitimate: 1, pending: 1 },
    byMethod: { oral: 0, phone: 2, written: 0, message: 0, "in-person": 1 },
    byDepartment: [
      { department: '执法一科,"东"组', count: 2 },
      { department: null, count: 1 },
    ],
    byMonth: [
      { month: "2020-10", count: 1 },
      { month: "2020-12", count: 2 },
    ],
  },
  wrongCases: null,
};

describe("statistics spreadsheets", () => {
  it("an XLSX workbook read back with exceljs holds every table cell for cell", async () => {
    const tables = statisticsTables(REPORT);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tablesToXlsx(tables, { title: "统计报表" })).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.name));
    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.name);
      const rows: Array<ReadonlyArray<unknown>> = [];
      sheet?.eachRow((row) => {
        rows.push(table.headers.map((_, i) => row.getCell(i + 1).value ?? null));
      });
      expect(rows).toEqual([table.headers, ...table.rows]);
    }
    expect(tables[0]?.rows[0]).toEqual(["统计期间 (period)", "2020年第四季度"]);
  });

  it("CSV: a UTF-8 BOM, CRLF lines, quoting of commas and quotes", () => {
    const csv = tablesToCsv(statisticsTables(REPORT));
    expect(csv.startsWith("\uFEFF概况\r\n")).toBe(true);
    expect(csv).toContain('\r\n"执法一科,""东""组",2\r\n不在名录 (not in the directory),1\r\n');
    expect(csv).toContain("2020年12月,2\r\n");
  });

  it("the quarterly summary leaves out departments", () => {
    const names = quarterlySummaryTables(REPORT).map((t) => t.name);
    expect(names).not.toContain("干预记录-部门");
    expect(JSON.stringify(quarterlySummaryTables(REPORT))).not.toContain("执法一科");
  });
});
