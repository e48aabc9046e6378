/**
 * One proceeding or record: where it stands, the periods running, the domain's assessment and its
 * explanation in Chinese, the steps the domain allows next, and the timeline of its log. Every citation id
 * shown is gathered for the article overlay (`c`).
 */
import { type AssessResult, formatDate, isoDateInShanghai } from "@liuhen/domain";
import { Box } from "ink";
import { useContext, useRef } from "react";
import { assessmentCitations, explainAssessment } from "../desk/assessment-form.js";
import type { CaseFile } from "../desk/legal-desk.js";
import { legalStepsAmong } from "../desk/legal-steps.js";
import { eventWords, stageWords } from "../desk/words.js";
import { wrapTo } from "./fit.js";
import { useKeystrokes } from "./keystrokes.js";
import { LineWidth, type Tone, Toned } from "./theme.js";

export interface Line {
  readonly text: string;
  readonly tone?: Tone;
}

type Json = Record<string, unknown>;

const heading = (text: string): Line => ({ text, tone: "title" });

/** When an event was logged, as 2020年12月30日 09:15 in Asia/Shanghai (the log keeps UTC). */
const shanghaiTime = (iso: string): string => {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return iso;
  const shifted = new Date(millis + 8 * 3_600_000).toISOString();
  return `${formatDate(isoDateInShanghai(millis))} ${shifted.slice(11, 16)}`;
};

/** A stored assessment result (`HandlingProposed.assessment.result`, a record's categorisation). */
const storedResult = (value: unknown): AssessResult | null =>
  typeof value === "object" && value !== null && "kind" in value && "basis" in value
    ? (value as AssessResult)
    : null;

export const detailLines = (
  target: CaseFile,
): { lines: ReadonlyArray<Line>; citations: ReadonlyArray<string> } => {
  const lines: Line[] = [];
  const citations: string[] = [];
  const state = target.file.state as unknown as Json;
  const stage = stageWords(target.regime, target.file.stage);
  lines.push({
    text: `${target.regime === "wrong-case" ? "错案程序" : "干预记录"} ${target.id}　${stage.zh} / ${stage.en}　v${target.file.version}`,
    tone: "title",
  });
  let result: AssessResult | null = null;
  if (target.regime === "wrong-case") {
    const report = state.report as Json | null;
    if (report) {
      lines.push({ text: `收到 / received: ${formatDate(String(report.date))}` });
      lines.push({ text: `反映内容 / allegation: ${String(report.allegation ?? "")}` });
      const officers = (report.officers as ReadonlyArray<string> | undefined) ?? [];
      if (officers.length > 0) lines.push({ text: `涉及人员 / officers: ${officers.join("、")}` });
    }
    for (const p of (state.openPeriods as ReadonlyArray<Json> | undefined) ?? []) {
      citations.push(String(p.period));
      lines.push({
        text: `期限 / period ${String(p.period)}: ${formatDate(String(p.start))}起，${formatDate(String(p.due))}前`,
        tone: "warning",
      });
    }
    const rounds = (state.rounds as ReadonlyArray<Json> | undefined) ?? [];
    const round = rounds.at(-1);
    const findings = round?.findings as Json | null | undefined;
    if (findings) {
      lines.push(heading("调查结论 / findings"));
      lines.push({
        text: `${findings.confirmed ? "经调查属实" : "未经证实"}；情形 ${((findings.triggers as string[]) ?? []).join("、")}；${String(findings.nature ?? "")}`,
      });
      lines.push({ text: `责任人 / responsible: ${((findings.responsible as string[]) ?? []).join("、")}` });
      citations.push(...((findings.triggers as string[]) ?? []));
    }
    const proposal = round?.proposal as Json | null | undefined;
    if (proposal) {
      result = storedResult((proposal.assessment as Json | undefined)?.result);
      lines.push(heading(`处理建议 / proposal (${formatDate(String(proposal.date))})`));
      lines.push({ text: String(proposal.summary ?? "") });
    }
  } else {
    const record = state.record as Json | null;
    if (record) {
      lines.push({
        text: `记录于 / recorded: ${formatDate(String(record.date))}　案件 / case: ${String(record.caseRef ?? "")}`,
      });
      if (record.content) lines.push({ text: `过问内容 / content: ${String(record.content)}` });
      result = storedResult(
        (record.categorisation as Json | null | undefined)?.result ?? record.categorisation,
      );
    }
  }
  if (result) {
    lines.push(heading("领域评估及说明 / the domain's assessment"));
    for (const text of explainAssessment(result)) lines.push({ text });
    citations.push(...assessmentCitations(result));
  }
  const steps = legalStepsAmong(target.regime, target.file.nextSteps);
  lines.push(heading("可办步骤 / next steps (a)"));
  if (steps.length === 0)
    lines.push({ text: "法治科暂无可办步骤 / nothing for the legal section now", tone: "muted" });
  for (const next of target.file.nextSteps) {
    const own = steps.find((s) => s.event === next.event);
    citations.push(...next.citations);
    lines.push({
      text: `${own ? "●" : "○"} ${eventWords(next.event).zh}（${next.citations.join("、")}）${own ? "" : " — 他人办理 / by others"}`,
      ...(own ? {} : { tone: "muted" as const }),
    });
  }
  lines.push(heading("时间线 / timeline"));
  for (const event of target.file.history) {
    citations.push(...event.citations);
    lines.push({
      text: `${shanghaiTime(event.occurredAt)}  ${eventWords(event.type).zh}  ${event.citations.join("、")}`,
    });
  }
  return { lines, citations: [...new Set(citations)] };
};

export const DetailScreen = ({
  target,
  scroll,
  onScroll,
  onBack,
  onActions,
  onDocuments,
  onArticles,
  active,
  rows,
}: {
  readonly target: CaseFile;
  readonly scroll: number;
  readonly onScroll: (scroll: number) => void;
  readonly onBack: () => void;
  readonly onActions: () => void;
  /** `d`: the file's official documents (issue 8). */
  readonly onDocuments: () => void;
  readonly onArticles: (ids: ReadonlyArray<string>) => void;
  readonly active: boolean;
  readonly rows: number;
}) => {
  const width = useContext(LineWidth);
  const { lines: given, citations } = detailLines(target);
  const lines = given.flatMap((line) => wrapTo(line.text, width).map((text) => ({ ...line, text })));
  const last = Math.max(0, lines.length - rows);
  // Keys that arrive together each scroll from where the one before left it, not from the last render.
  const latest = useRef(scroll);
  latest.current = scroll;
  const scrollTo = (next: number) => {
    latest.current = next;
    onScroll(next);
  };
  useKeystrokes(
    (input, key) => {
      const at = latest.current;
      if (key.escape || input === "b") onBack();
      else if (key.downArrow || input === "j") scrollTo(Math.min(at + 1, last));
      else if (key.upArrow || input === "k") scrollTo(Math.max(at - 1, 0));
      else if (key.pageDown || input === " ") scrollTo(Math.min(at + rows, last));
      else if (key.pageUp) scrollTo(Math.max(at - rows, 0));
      else if (input === "a" || key.return) onActions();
      else if (input === "d") onDocuments();
      else if (input === "c" && citations.length > 0) onArticles(citations);
    },
    { isActive: active },
  );
  const from = Math.min(scroll, last);
  return (
    <Box flexDirection="column">
      {lines.slice(from, from + rows).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are redrawn whole, never reordered
        <Toned key={`${from + i}`} tone={line.tone ?? "plain"} bold={line.tone === "title"}>
          {line.text}
        </Toned>
      ))}
      {lines.length > rows ? (
        <Toned tone="muted">{`↑↓ 滚动 / scroll ${from + 1}–${Math.min(from + rows, lines.length)}/${lines.length}`}</Toned>
      ) : null}
    </Box>
  );
};
