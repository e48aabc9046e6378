/**
 * The statistics as files to download, beside tRPC (a spreadsheet is bytes, not JSON):
 *
 * `GET /reports/statistics.xlsx` and `GET /reports/statistics.csv` — the figures `oversight.statistics` and
 *   `oversight.wrongCaseStatistics` return, one sheet per breakdown, for an optional period (`from`/`to` as
 *   YYYY-MM, or `quarter` as YYYY-Qn).
 * `GET /reports/quarterly-summary.xlsx` and `.csv` — the summary fit to publish for `quarter` (required):
 *   counts only, no person and no department (packages/documents spreadsheets/statistics-tables.ts).
 *
 * Signed in with the session cookie or a bearer token, holding a role `oversight.statistics` admits (the
 * legal section, the head, the judicial supervision); what each counts is what the procedures give them,
 * computed by the same function (`statisticsReport`). Refusals have tRPC's error shape, as the server's
 * others: `error.data.tag`, `zh`, `en`, `field`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ApiContext,
  authenticate,
  ERROR_CODES,
  type ErrorTag,
  StatisticsPeriod,
  statisticsReport,
} from "@liuhen/api";
import {
  CSV_MEDIA_TYPE,
  quarterlySummaryTables,
  statisticsTables,
  tablesToCsv,
  tablesToXlsx,
  XLSX_MEDIA_TYPE,
} from "@liuhen/documents";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { Cause, Effect, Either, Exit, Option, ParseResult, Schema } from "effect";
import { presentedBy } from "./request-credentials.js";

export const REPORTS_PATH = "/reports";

const REPORTS = {
  "statistics.xlsx": { summary: false, format: "xlsx" },
  "statistics.csv": { summary: false, format: "csv" },
  "quarterly-summary.xlsx": { summary: true, format: "xlsx" },
  "quarterly-summary.csv": { summary: true, format: "csv" },
} as const;

/** Whether a request is this endpoint's. */
export const isReportsPath = (path: string): boolean =>
  path === REPORTS_PATH || path.startsWith(`${REPORTS_PATH}/`);

const STATISTICS_ROLES = new Set(["legal-officer", "head", "judicial-supervision"]);

const refuse = (
  res: ServerResponse,
  tag: ErrorTag | "NOT_FOUND" | "Internal",
  detail?: string,
  field?: ReadonlyArray<string | number>,
) => {
  const known =
    tag === "NOT_FOUND"
      ? { code: "NOT_FOUND" as const, zh: "没有这份报表", en: "No such report" }
      : tag === "Internal"
        ? { code: "INTERNAL_SERVER_ERROR" as const, zh: "服务器内部错误", en: "Internal server error" }
        : ERROR_CODES[tag];
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: known.code }));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(
    JSON.stringify({
      error: {
        message: `${known.zh} / ${known.en}${detail ? `: ${detail}` : ""}`,
        code: TRPC_ERROR_CODES_BY_KEY[known.code],
        data: {
          code: known.code,
          httpStatus: status,
          tag,
          zh: known.zh,
          en: known.en,
          field: field ?? null,
        },
      },
    }),
  );
};

const decodePeriod = Schema.decodeUnknownEither(StatisticsPeriod);

/** The file's name: 留痕统计报表_2020-Q4.xlsx and the like. */
const fileName = (summary: boolean, period: string, format: string) =>
  `${summary ? "留痕季度统计摘要" : "留痕统计报表"}_${period}.${format}`;

const contentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const reportsEndpoint = (options: { readonly runtime: ApiContext["runtime"] }) => {
  const { runtime } = options;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const report = REPORTS[url.pathname.slice(REPORTS_PATH.length + 1) as keyof typeof REPORTS];
    if (report === undefined || !Object.hasOwn(REPORTS, url.pathname.slice(REPORTS_PATH.length + 1))) {
      return refuse(res, "NOT_FOUND", `one of ${Object.keys(REPORTS).join(", ")}`);
    }
    if (req.method !== "GET") return refuse(res, "NOT_FOUND", "reports are read with GET");

    const signedIn = await runtime.runPromiseExit(authenticate(presentedBy(req)));
    if (Exit.isFailure(signedIn)) return refuse(res, "Internal");
    if (Option.isNone(signedIn.value)) return refuse(res, "Unauthenticated", "no valid session or token");
    const { caller } = signedIn.value.value;
    if (caller.mustChangePassword) {
      return refuse(res, "PasswordChangeRequired", "the password was set by someone else: change it first");
    }
    if (!caller.roles.some((role) => STATISTICS_ROLES.has(role))) {
      return refuse(
        res,
        "Forbidden",
        "the statistics are the legal section's, the head's and the judicial supervision's",
      );
    }

    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = value;
    for (const name of Object.keys(query)) {
      if (!["from", "to", "quarter"].includes(name)) {
        return refuse(res, "InvalidInput", `${name}: not a parameter (from, to, quarter)`, [name]);
      }
    }
    if (report.summary && query.quarter === undefined) {
      return refuse(res, "InvalidInput", "quarter: the quarterly summary needs a quarter, e.g. 2020-Q4", [
        "quarter",
      ]);
    }
    const period = decodePeriod(query);
    if (Either.isLeft(period)) {
      const issue = ParseResult.ArrayFormatter.formatErrorSync(period.left)[0];
      return refuse(res, "InvalidInput", issue?.message ?? "invalid", (issue?.path ?? []).map(String));
    }

    const figures = await runtime.runPromiseExit(statisticsReport(caller, period.right));
    if (Exit.isFailure(figures)) {
      runtime.runFork(
        Effect.logError("report failed").pipe(Effect.annotateLogs({ cause: Cause.pretty(figures.cause) })),
      );
      return refuse(res, "Internal");
    }
    const tables = (report.summary ? quarterlySummaryTables : statisticsTables)(figures.value);
    const label = period.right.quarter ?? `${period.right.from ?? "all"}_${period.right.to ?? "all"}`;
    const body =
      report.format === "xlsx"
        ? await tablesToXlsx(tables, { title: report.summary ? "季度统计摘要" : "统计报表" })
        : new TextEncoder().encode(tablesToCsv(tables));
    res.writeHead(200, {
      "content-type": report.format === "xlsx" ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE,
      "content-length": String(body.byteLength),
      "content-disposition": contentDisposition(fileName(report.summary, label, report.format)),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(body);
  };
};
