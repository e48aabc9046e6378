/**
 * A file's official documents (issue 8), over its detail (`d`): those issued — 发文字号, kind, date and
 * verification code — and the kinds the legal section issues for it. Generating one asks where to save the
 * PDF and DOCX (the current directory unless changed; a directory that is not there or not writable is
 * refused before anything is sent), then asks for confirmation, since the number it takes stays in the log
 * for good; then it says where the files are. Whether the file has reached the document's step is the
 * server's to say: its refusal is shown and nothing is generated.
 */
import * as path from "node:path";
import { formatDate } from "@liuhen/domain";
import { Either } from "effect";
import { Box, Text } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import { checkDirectory, type DocumentKindWords, kindWords, legalSectionKinds } from "../desk/documents.js";
import { type IssuedDocument, type LegalDesk, refusalOf, type SavedDocument } from "../desk/legal-desk.js";
import type { Regime } from "../desk/legal-steps.js";
import { useKeystrokes } from "./keystrokes.js";
import { Toned } from "./theme.js";

type Phase =
  | { readonly _tag: "List"; readonly cursor: number }
  | {
      readonly _tag: "Directory";
      readonly kind: DocumentKindWords;
      readonly input: string;
      readonly error: string | null;
    }
  | {
      readonly _tag: "Confirm";
      readonly kind: DocumentKindWords;
      readonly directory: string;
      readonly busy: boolean;
    };

export const DocumentsPanel = ({
  desk,
  regime,
  id,
  cwd,
  rows,
  active,
  onArticles,
  onClose,
}: {
  readonly desk: LegalDesk;
  readonly regime: Regime;
  readonly id: string;
  /** Where files are saved unless another directory is typed. */
  readonly cwd: string;
  readonly rows: number;
  readonly active: boolean;
  readonly onArticles: (ids: ReadonlyArray<string>) => void;
  /** `changed`: a document was generated (the file's timeline has a new entry). */
  readonly onClose: (changed: boolean) => void;
}) => {
  const kinds = legalSectionKinds(regime);
  const [issued, setIssued] = useState<ReadonlyArray<IssuedDocument> | null>(null);
  const [phase, setPhaseState] = useState<Phase>({ _tag: "List", cursor: 0 });
  const [result, setResult] = useState<{
    readonly text: ReadonlyArray<string>;
    readonly error: boolean;
  } | null>(null);
  const [changed, setChanged] = useState(false);
  // Keys typed faster than the screen redraws must see each other's effect (a path typed in one go).
  const latest = useRef(phase);
  latest.current = phase;
  const setPhase = (next: Phase) => {
    latest.current = next;
    setPhaseState(next);
  };

  const reload = useCallback(() => {
    desk.documents(regime, id).then(setIssued, (error: unknown) => {
      const refusal = refusalOf(error);
      setResult({ text: [`${refusal.zh} / ${refusal.en}`], error: true });
    });
  }, [desk, regime, id]);
  useEffect(reload, [reload]);

  const generate = (p: Extract<Phase, { _tag: "Confirm" }>) => {
    setPhase({ ...p, busy: true });
    desk.generateDocument(regime, id, p.kind.kind, p.directory).then(
      (saved: SavedDocument) => {
        setChanged(true);
        setResult({
          text: [
            `已生成 / generated: ${saved.number}　核验码 / code ${saved.verificationCode}`,
            // The directory on a line of its own, then each file's name: a long path is not cut.
            `已保存到 / saved in: ${p.directory}`,
            ...saved.paths.map((file) => `  · ${path.basename(file)}`),
          ],
          error: false,
        });
        setPhase({ _tag: "List", cursor: 0 });
        reload();
      },
      (error: unknown) => {
        const refusal = refusalOf(error);
        setResult({
          text: [`未生成 / not generated — ${refusal.zh} / ${refusal.en}`],
          error: true,
        });
        setPhase({ _tag: "List", cursor: 0 });
      },
    );
  };

  useKeystrokes(
    (input, key) => {
      const phase = latest.current;
      if (phase._tag === "List") {
        const choose = (kind: DocumentKindWords | undefined) => {
          if (kind === undefined) return;
          setResult(null);
          setPhase({ _tag: "Directory", kind, input: cwd, error: null });
        };
        if (key.escape || input === "q" || input === "b") onClose(changed);
        else if (key.downArrow || input === "j")
          setPhase({ ...phase, cursor: Math.min(phase.cursor + 1, kinds.length - 1) });
        else if (key.upArrow || input === "k") setPhase({ ...phase, cursor: Math.max(phase.cursor - 1, 0) });
        else if (/^[1-9]$/.test(input)) choose(kinds[Number(input) - 1]);
        else if (key.return) choose(kinds[phase.cursor]);
        else if (input === "c") onArticles([...new Set(kinds.flatMap((k) => k.citations))]);
        return;
      }
      if (phase._tag === "Directory") {
        if (key.escape) {
          setResult({ text: ["已取消，未生成任何公文 / cancelled, nothing generated"], error: false });
          setPhase({ _tag: "List", cursor: 0 });
        } else if (key.return) {
          const checked = checkDirectory(phase.input, cwd);
          if (Either.isLeft(checked)) setPhase({ ...phase, error: checked.left });
          else setPhase({ _tag: "Confirm", kind: phase.kind, directory: checked.right, busy: false });
        } else if (key.backspace || key.delete) setPhase({ ...phase, input: phase.input.slice(0, -1) });
        else if (input && !key.ctrl && !key.meta && !key.tab)
          setPhase({ ...phase, input: phase.input + input });
        return;
      }
      if (phase.busy) return;
      if (input === "y" || input === "Y") generate(phase);
      else if (input === "n" || input === "N" || key.escape) {
        setResult({ text: ["已取消，未生成任何公文 / cancelled, nothing generated"], error: false });
        setPhase({ _tag: "List", cursor: 0 });
      }
    },
    { isActive: active },
  );

  const shownIssued = (issued ?? []).slice(-Math.max(1, rows - kinds.length - 8));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Toned tone="title" bold>{`公文 / documents: ${id}`}</Toned>
      {phase._tag === "List" ? (
        <>
          <Toned tone="muted">已制发 / issued:</Toned>
          {issued === null ? (
            <Toned tone="muted">载入中… / loading…</Toned>
          ) : issued.length === 0 ? (
            <Toned tone="muted">尚未制发公文 / none issued yet</Toned>
          ) : (
            shownIssued.map((d) => (
              <Toned key={d.number}>
                {`${d.number} ${kindWords(d.kind)?.label.zh ?? d.kind} ${formatDate(d.issuedOn)} 核验码 ${d.verificationCode}`}
              </Toned>
            ))
          )}
          <Toned tone="muted">可生成 / generate (法治科 / the legal section):</Toned>
          {kinds.map((k, i) => (
            <Toned key={k.kind} tone={i === phase.cursor ? "selected" : "plain"}>
              {`${i === phase.cursor ? "▶" : " "} ${i + 1}. ${k.label.zh} / ${k.label.en}（${k.citations.join("、")}）`}
            </Toned>
          ))}
          {(result?.text ?? []).map((line) => (
            <Toned key={line} tone={result?.error ? "danger" : "ok"}>
              {line}
            </Toned>
          ))}
          <Toned tone="muted">Enter 生成 / generate　c 条文 / articles　Esc 返回 / back</Toned>
        </>
      ) : phase._tag === "Directory" ? (
        <>
          <Toned>{`生成 / generate: ${phase.kind.label.zh} / ${phase.kind.label.en}`}</Toned>
          <Toned tone="muted">PDF 与 DOCX 将保存到此目录 / the PDF and DOCX are saved in:</Toned>
          <Box>
            <Text bold>保存目录 / directory: </Text>
            <Text>{`${phase.input}▏`}</Text>
          </Box>
          {phase.error ? <Toned tone="danger">{phase.error}</Toned> : null}
          <Toned tone="muted">Enter 下一步 / next　Esc 取消 / cancel</Toned>
        </>
      ) : (
        <>
          <Toned
            tone="warning"
            bold
          >{`确认生成 / confirm: ${phase.kind.label.zh} / ${phase.kind.label.en}`}</Toned>
          <Toned>{`保存到 / save in: ${phase.directory}`}</Toned>
          <Toned>
            {phase.busy
              ? "生成中… / generating…"
              : "生成将在留痕日志中占用一个文号，不可撤销 / a number is taken in the permanent log"}
          </Toned>
          <Toned tone="muted">y 确认 / confirm　n 取消 / cancel</Toned>
        </>
      )}
    </Box>
  );
};
