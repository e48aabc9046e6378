/**
 * Taking a step: choose it, answer its fields one by one (each answer checked for its form, with a message
 * naming the field and nothing sent until it is right), see what the domain makes of it where the step
 * rests on an assessment, and confirm — the log keeps every step for good. A refusal from the server is
 * shown, the file is left as it was, and the prompt returns to the field it names.
 */

import { Either } from "effect";
import { Box, Text } from "ink";
import { useRef, useState } from "react";
import type { Action } from "../desk/actions.js";
import { checkAnswer } from "../desk/answers.js";
import type { AssessmentPreview } from "../desk/assessment-form.js";
import { refusalOf } from "../desk/legal-desk.js";
import type { StepField } from "../desk/legal-steps.js";
import { articleOf } from "./article-overlay.js";
import { useKeystrokes } from "./keystrokes.js";
import { Toned } from "./theme.js";

type Phase =
  | { readonly _tag: "Choose"; readonly cursor: number }
  | {
      readonly _tag: "Field";
      readonly action: Action;
      readonly index: number;
      readonly answers: Readonly<Record<string, string>>;
      readonly input: string;
      readonly error: string | null;
    }
  | {
      readonly _tag: "Confirm";
      readonly action: Action;
      readonly answers: Readonly<Record<string, string>>;
      readonly preview: AssessmentPreview | null;
      readonly error: string | null;
      readonly busy: boolean;
    };

const start = (
  action: Action,
  index: number,
  answers: Readonly<Record<string, string>>,
  error: string | null,
) => {
  const field = action.fields[index];
  return {
    _tag: "Field" as const,
    action,
    index,
    answers,
    input: field ? (answers[field.name] ?? action.defaults[field.name] ?? "") : "",
    error,
  };
};

const optionLine = (field: StepField): ReadonlyArray<string> => {
  if (field.kind._tag !== "Choice" && field.kind._tag !== "Choices") return [];
  return field.kind.options.map((o, i) => {
    const article = articleOf(o.value);
    const label = article ? `${o.value} ${article.heading}` : `${o.label.zh} (${o.value})`;
    return `${i + 1}. ${label}`;
  });
};

export const ActionPrompt = ({
  title,
  actions,
  onDone,
  onArticles,
  active,
  rows,
  direct,
}: {
  readonly title: string;
  readonly actions: ReadonlyArray<Action>;
  /** `changed`: a step was recorded, so the screen reloads. */
  readonly onDone: (changed: boolean, message: string | null) => void;
  readonly onArticles: (ids: ReadonlyArray<string>) => void;
  readonly active: boolean;
  readonly rows: number;
  /** One action to take at once (a spot check's), rather than a list to choose from. */
  readonly direct: boolean;
}) => {
  const only = direct && actions.length === 1 ? actions[0] : undefined;
  const [phase, setPhaseState] = useState<Phase>(() =>
    only ? firstPhase(only) : { _tag: "Choose", cursor: 0 },
  );
  // Keys typed faster than the screen redraws must see each other's effect (a name typed in one go, then
  // Enter): the handler reads and writes the latest phase here, and takes keys that arrive together singly.
  const latest = useRef(phase);
  latest.current = phase;
  const setPhase = (next: Phase) => {
    latest.current = next;
    setPhaseState(next);
  };

  function firstPhase(action: Action): Phase {
    return action.fields.length > 0 ? start(action, 0, {}, null) : confirm(action, {});
  }
  function confirm(action: Action, answers: Readonly<Record<string, string>>): Phase {
    return {
      _tag: "Confirm",
      action,
      answers,
      preview: action.preview ? action.preview(answers) : null,
      error: null,
      busy: false,
    };
  }

  const submit = (p: Extract<Phase, { _tag: "Confirm" }>) => {
    setPhase({ ...p, busy: true, error: null });
    p.action.submit(p.answers).then(
      () => onDone(true, `已办理 / done: ${p.action.label.zh}`),
      (error: unknown) => {
        const refusal = refusalOf(error);
        const message = `未保存 / not saved — ${refusal.zh} / ${refusal.en}`;
        const at =
          refusal.field === null ? -1 : p.action.fields.findIndex((f) => refusal.field?.startsWith(f.name));
        if (at >= 0) setPhase(start(p.action, at, p.answers, message));
        else setPhase({ ...p, busy: false, error: message });
      },
    );
  };

  useKeystrokes(
    (input, key) => {
      const phase = latest.current;
      if (phase._tag === "Choose") {
        if (key.escape || input === "q") onDone(false, null);
        else if (key.downArrow || input === "j")
          setPhase({ ...phase, cursor: Math.min(phase.cursor + 1, actions.length - 1) });
        else if (key.upArrow || input === "k") setPhase({ ...phase, cursor: Math.max(phase.cursor - 1, 0) });
        else if (/^[1-9]$/.test(input) && actions[Number(input) - 1])
          setPhase(firstPhase(actions[Number(input) - 1] as Action));
        else if (key.return && actions[phase.cursor]) setPhase(firstPhase(actions[phase.cursor] as Action));
        return;
      }
      if (phase._tag === "Field") {
        const field = phase.action.fields[phase.index] as StepField;
        if (key.escape) onDone(false, "已取消，未作任何更改 / cancelled, nothing changed");
        else if (key.ctrl && input === "t") {
          const ids =
            optionLine(field).length > 0 && (field.kind._tag === "Choice" || field.kind._tag === "Choices")
              ? field.kind.options.map((o) => o.value).filter((id) => articleOf(id) !== undefined)
              : [];
          if (ids.length > 0) onArticles(ids);
        } else if (key.return) {
          const checked = checkAnswer(field, phase.input);
          if (Either.isLeft(checked)) {
            setPhase({ ...phase, error: checked.left });
            return;
          }
          const answers = { ...phase.answers, [field.name]: checked.right };
          if (phase.index + 1 < phase.action.fields.length)
            setPhase(start(phase.action, phase.index + 1, answers, null));
          else setPhase(confirm(phase.action, answers));
        } else if (key.backspace || key.delete) setPhase({ ...phase, input: phase.input.slice(0, -1) });
        else if (input && !key.ctrl && !key.meta && !key.tab)
          setPhase({ ...phase, input: phase.input + input });
        return;
      }
      if (phase.busy) return;
      if (input === "y" || input === "Y") {
        if (phase.preview?.refusal) return;
        submit(phase);
      } else if (input === "n" || input === "N" || key.escape)
        onDone(false, "已取消，未作任何更改 / cancelled, nothing changed");
      else if (input === "c" && phase.preview) {
        const ids = phase.preview.lines.flatMap((l) =>
          [...l.matchAll(/【([A-Z]{2}\.[0-9a-z.]+)/g)].map((m) => m[1] ?? ""),
        );
        if (ids.length > 0) onArticles([...new Set(ids)]);
      } else if (input === "e" && phase.action.fields.length > 0)
        setPhase(start(phase.action, 0, phase.answers, null));
    },
    { isActive: active },
  );

  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Toned tone="title" bold>
        {title}
      </Toned>
      {phase._tag === "Choose" ? (
        <>
          <Toned>选择要办理的步骤 / choose a step:</Toned>
          {actions.length === 0 ? (
            <Toned tone="muted">法治科暂无可办步骤 / nothing for the legal section now</Toned>
          ) : null}
          {actions.map((a, i) => (
            <Toned key={a.label.en} tone={i === phase.cursor ? "selected" : "plain"}>
              {`${i === phase.cursor ? "▶" : " "} ${i + 1}. ${a.label.zh} / ${a.label.en}`}
            </Toned>
          ))}
          <Toned tone="muted">Enter 选择 / choose　Esc 返回 / back</Toned>
        </>
      ) : phase._tag === "Field" ? (
        <FieldPrompt phase={phase} rows={rows} />
      ) : (
        <>
          <Toned
            tone="warning"
            bold
          >{`确认办理 / confirm: ${phase.action.label.zh} / ${phase.action.label.en}`}</Toned>
          {Object.entries(phase.answers)
            .filter(([, v]) => v !== "")
            .slice(0, 6)
            .map(([k, v]) => (
              <Toned key={k}>{`${phase.action.fields.find((f) => f.name === k)?.label.zh ?? k}: ${v}`}</Toned>
            ))}
          {phase.preview?.refusal ? (
            <Toned tone="danger">{`领域拒绝 / the domain refuses: ${phase.preview.refusal}（按 e 修改 / e to edit）`}</Toned>
          ) : null}
          {(phase.preview?.lines ?? []).slice(0, Math.max(3, rows - 8)).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are redrawn whole, never reordered
            <Toned key={`p${i}`}>{line}</Toned>
          ))}
          {phase.error ? <Toned tone="danger">{phase.error}</Toned> : null}
          <Toned tone="muted">
            {phase.busy
              ? "提交中… / saving…"
              : `此步骤将写入留痕日志，不可撤销。y 确认 / confirm　n 取消 / cancel　e 修改 / edit${phase.preview ? "　c 条文 / articles" : ""}`}
          </Toned>
        </>
      )}
    </Box>
  );
};

const FieldPrompt = ({
  phase,
  rows,
}: {
  readonly phase: Extract<Phase, { _tag: "Field" }>;
  readonly rows: number;
}) => {
  const field = phase.action.fields[phase.index] as StepField;
  const options = optionLine(field);
  return (
    <>
      <Toned>{`${phase.action.label.zh} / ${phase.action.label.en}　(${phase.index + 1}/${phase.action.fields.length})`}</Toned>
      {options.slice(0, Math.max(2, rows - 6)).map((o) => (
        <Toned key={o}>{o}</Toned>
      ))}
      <Box>
        <Text bold>{`${field.label.zh} / ${field.label.en}: `}</Text>
        <Text>{`${phase.input}▏`}</Text>
      </Box>
      {phase.error ? <Toned tone="danger">{phase.error}</Toned> : null}
      <Toned tone="muted">
        {`Enter 下一项 / next　Esc 取消 / cancel${options.length > 0 ? "　填编号或代码，多项用逗号分隔；Ctrl+T 条文" : ""}`}
      </Toned>
    </>
  );
};
