/**
 * One exhaustive map from every failure tag a procedure can meet to its tRPC code and a message in Chinese
 * and English. A new tagged error fails to compile until it has a row here.
 */
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

export interface ErrorRow {
  readonly code: TRPC_ERROR_CODE_KEY;
  readonly zh: string;
  readonly en: string;
}

export const ERROR_CODES = {
  // The domain's JSON contract and rules
  InvalidRequest: {
    code: "BAD_REQUEST",
    zh: "请求内容不符合要求",
    en: "The request does not fit the contract",
  },
  ContradictoryFacts: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "所列事实相互矛盾",
    en: "The facts contradict each other",
  },
  UnknownRegime: { code: "BAD_REQUEST", zh: "没有该制度", en: "No such regime" },
  RegimeNotInForce: {
    code: "BAD_REQUEST",
    zh: "该制度在此日期未施行",
    en: "The regime was not in force on that date",
  },
  CalendarOutOfRange: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "节假日安排尚未公布，无法计算期限",
    en: "The holiday calendar does not cover that date yet",
  },
  IllegalTransition: {
    code: "CONFLICT",
    zh: "当前阶段不能进行此步骤",
    en: "This step is not possible at this stage",
  },
  DateOutOfOrder: { code: "BAD_REQUEST", zh: "日期早于前一步骤", en: "The date precedes the previous step" },
  // The store
  StreamConflict: {
    code: "CONFLICT",
    zh: "记录已被他人更新，请刷新后重试",
    en: "Someone else updated this first",
  },
  InvalidEvent: { code: "BAD_REQUEST", zh: "记录内容不符合要求", en: "The record does not fit its schema" },
  EventNotFound: { code: "NOT_FOUND", zh: "找不到该记录", en: "No such record" },
  TreeSizeOutOfRange: { code: "BAD_REQUEST", zh: "超出日志范围", en: "Beyond the log's size" },
  LogCorrupted: { code: "INTERNAL_SERVER_ERROR", zh: "日志校验失败", en: "The log failed its checks" },
  SigningKeyUnusable: {
    code: "INTERNAL_SERVER_ERROR",
    zh: "签名密钥不可用",
    en: "The signing key is unusable",
  },
  SqlError: { code: "INTERNAL_SERVER_ERROR", zh: "数据库错误", en: "Database error" },
  ProjectionOutOfStep: {
    code: "INTERNAL_SERVER_ERROR",
    zh: "数据视图与日志不一致，需要重建",
    en: "A view is out of step with the log and needs a rebuild",
  },
  // Accounts and signing in
  InvalidCredentials: {
    code: "UNAUTHORIZED",
    zh: "单位、用户名或密码错误",
    en: "The agency, username or password is wrong",
  },
  LoginThrottled: {
    code: "TOO_MANY_REQUESTS",
    zh: "失败次数过多，请稍后再试",
    en: "Too many failed attempts; try again later",
  },
  CsrfMismatch: {
    code: "FORBIDDEN",
    zh: "请求缺少有效的防伪令牌",
    en: "The request lacks its session's CSRF token",
  },
  UsernameTaken: { code: "CONFLICT", zh: "用户名已被使用", en: "The username is taken" },
  AccountNotFound: { code: "NOT_FOUND", zh: "找不到该账号", en: "No such account" },
  TokenNotFound: { code: "NOT_FOUND", zh: "找不到该令牌", en: "No such token" },
  OwnAccountChange: {
    code: "FORBIDDEN",
    zh: "管理员不能对本人账号进行此项更改",
    en: "An administrator may not make this change to their own account",
  },
  NothingToChange: { code: "CONFLICT", zh: "账号已是所请求的状态", en: "The account is already so" },
  // The API
  Unauthenticated: { code: "UNAUTHORIZED", zh: "请先登录", en: "Please sign in" },
  Forbidden: { code: "FORBIDDEN", zh: "无权进行此操作", en: "You may not do this" },
  NotFound: { code: "NOT_FOUND", zh: "找不到", en: "Not found" },
  InvalidInput: { code: "BAD_REQUEST", zh: "输入有误", en: "Invalid input" },
} as const satisfies Record<string, ErrorRow>;

export type ErrorTag = keyof typeof ERROR_CODES;

export const isErrorTag = (tag: unknown): tag is ErrorTag =>
  typeof tag === "string" && Object.hasOwn(ERROR_CODES, tag);
