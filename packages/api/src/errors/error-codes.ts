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
  // The holiday calendar an operator extends
  HolidayYearKnown: {
    code: "CONFLICT",
    zh: "日历中已有该年度的节假日安排，如需替换须说明理由",
    en: "The calendar has that year already; replacing it needs a reason",
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
  PasswordChangeRequired: {
    code: "FORBIDDEN",
    zh: "密码由他人设置，请先修改密码",
    en: "Your password was set by someone else; change it first",
  },
  PasswordUnchanged: {
    code: "BAD_REQUEST",
    zh: "新密码不能与他人设置的密码相同",
    en: "The new password must differ from the one you were given",
  },
  UsernameTaken: { code: "CONFLICT", zh: "用户名已被使用", en: "The username is taken" },
  AccountNotFound: { code: "NOT_FOUND", zh: "找不到该账号", en: "No such account" },
  TokenNotFound: { code: "NOT_FOUND", zh: "找不到该令牌", en: "No such token" },
  OwnAccountChange: {
    code: "FORBIDDEN",
    zh: "管理员不能对本人账号进行此项更改",
    en: "An administrator may not make this change to their own account",
  },
  NothingToChange: {
    code: "CONFLICT",
    zh: "已是所请求的状态，无需更改",
    en: "It is already so: nothing to change",
  },
  // The staff directory and notifications
  PersonNotFound: {
    code: "NOT_FOUND",
    zh: "人员名录中没有此人",
    en: "No such person in the staff directory",
  },
  PersonAlreadyRegistered: {
    code: "CONFLICT",
    zh: "此人已在人员名录中",
    en: "The person is already in the staff directory",
  },
  NotificationNotFound: { code: "NOT_FOUND", zh: "找不到该提醒", en: "No such notification" },
  // Interference records and the protection of recorders
  RouteRequired: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "此记录涉及局主要负责人或法治科人员，只能报送区司法行政部门行政执法协调监督机构",
    en: "This record concerns the head or a legal officer and goes only to the district judicial supervision",
  },
  UnknownPerson: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "所填人员不在人员名录中",
    en: "The person named is not in the staff directory",
  },
  RoleMissing: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "所指定人员不具有相应职责",
    en: "The person named does not hold the role the step needs",
  },
  StatutoryGroundsRequired: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "须写明法定事由和法定程序",
    en: "The statutory cause and procedure must be stated",
  },
  // Reports from the public
  IntakeThrottled: {
    code: "TOO_MANY_REQUESTS",
    zh: "请求过于频繁，请稍后再试",
    en: "Too many requests from this address; try again later",
  },
  UnknownAgency: { code: "NOT_FOUND", zh: "没有该单位", en: "No such agency" },
  NoPublicReport: {
    code: "NOT_FOUND",
    zh: "该案件不是通过公众举报渠道受理的",
    en: "This proceeding did not come in through the public channel",
  },
  // The legal section's oversight: spot checks (IF.4), failures to record (IF.12b), monthly attestations
  SpotCheckNotFound: { code: "NOT_FOUND", zh: "找不到该抽查", en: "No such spot check" },
  SpotCheckAlreadyDrawn: {
    code: "CONFLICT",
    zh: "该抽查已抽取，如需重新抽取请另行提交",
    en: "This spot check is drawn already; commit a new one to draw again",
  },
  SpotCheckNotDrawn: { code: "CONFLICT", zh: "该抽查尚未抽取", en: "This spot check is not drawn yet" },
  SpotCheckSeedUnavailable: {
    code: "CONFLICT",
    zh: "该抽查的随机种子未保存，无法抽取，请另行提交抽查",
    en: "The seed of this spot check is not kept; commit a new spot check",
  },
  NotInSpotCheckSample: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "该记录或人员不在本次抽查样本中",
    en: "Not drawn in this spot check's sample",
  },
  AttestationMismatch: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "确认内容与本人当月记录不一致",
    en: "The attestation does not match your records of the month",
  },
  MonthlyAttestationOff: {
    code: "CONFLICT",
    zh: "本单位未启用每月确认",
    en: "Monthly attestation is switched off for this agency",
  },
  MonthInFuture: { code: "BAD_REQUEST", zh: "该月份尚未开始", en: "That month has not begun" },
  // Files attached to steps
  UnknownAttachment: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "附件不存在或无权使用，请先上传",
    en: "No such file that you may use: upload it first",
  },
  InvalidAttachment: {
    code: "BAD_REQUEST",
    zh: "附件的名称或类型不符合要求",
    en: "The file's name or type is invalid",
  },
  AttachmentAltered: {
    code: "INTERNAL_SERVER_ERROR",
    zh: "附件内容与记录的校验值不符，已拒绝提供",
    en: "The stored file no longer matches its recorded hash and is not served",
  },
  // Official documents
  DocumentNotAvailable: {
    code: "CONFLICT",
    zh: "案件尚未进行到可以制发该文书的步骤",
    en: "The proceeding has not reached the step this document belongs to",
  },
  DocumentNumberContention: {
    code: "CONFLICT",
    zh: "同时制发的文书过多，未能取得文号，请稍后重试",
    en: "Too many documents issued at once to take a number: try again",
  },
  // The API
  Unauthenticated: { code: "UNAUTHORIZED", zh: "请先登录", en: "Please sign in" },
  Forbidden: { code: "FORBIDDEN", zh: "无权进行此操作", en: "You may not do this" },
  NotFound: { code: "NOT_FOUND", zh: "找不到", en: "Not found" },
  InvalidInput: { code: "BAD_REQUEST", zh: "输入有误", en: "Invalid input" },
  StepDateInFuture: { code: "BAD_REQUEST", zh: "日期不能晚于今天", en: "The date is after today" },
  ConflictOfInterest: {
    code: "UNPROCESSABLE_CONTENT",
    zh: "当事人不得参与与本人有关的案件办理",
    en: "A person may not act in a file that concerns them",
  },
} as const satisfies Record<string, ErrorRow>;

export type ErrorTag = keyof typeof ERROR_CODES;

export const isErrorTag = (tag: unknown): tag is ErrorTag =>
  typeof tag === "string" && Object.hasOwn(ERROR_CODES, tag);
