/**
 * The queues: one tab per kind of work, overdue items first (the order `desk/queues.ts` gives), a search
 * that filters the tab as it is typed, and Enter to open the file under the cursor.
 */
import { formatDate } from "@liuhen/domain";
import { Box } from "ink";
import { useRef } from "react";
import { matching, QUEUE_NAMES, QUEUE_WORDS, type QueueItem, type QueueName } from "../desk/queues.js";
import { column } from "./fit.js";
import { useKeystrokes } from "./keystrokes.js";
import { Toned } from "./theme.js";

export interface QueuesView {
  readonly tab: number;
  readonly cursor: number;
  readonly search: string;
  readonly searching: boolean;
}

export const INITIAL_QUEUES_VIEW: QueuesView = { tab: 0, cursor: 0, search: "", searching: false };

const deadlineWords = (item: QueueItem): { text: string; tone: "danger" | "warning" | "muted" } => {
  if (item.period === null || item.deadline === null) return { text: "", tone: "muted" };
  const due = formatDate(item.period.due);
  switch (item.deadline._tag) {
    case "Overdue":
      return { text: `逾期 ${item.period.id} ${due}`, tone: "danger" };
    case "DueToday":
      return { text: `今日到期 ${item.period.id}`, tone: "warning" };
    case "NotYetDue":
      return { text: `${item.period.id} ${due}前`, tone: "muted" };
  }
};

export const QueuesScreen = ({
  queues,
  view,
  onView: setView,
  onOpen,
  onNew,
  active,
  rows,
  loading,
  width,
}: {
  readonly queues: Readonly<Record<QueueName, ReadonlyArray<QueueItem>>> | null;
  readonly view: QueuesView;
  readonly onView: (view: QueuesView) => void;
  readonly onOpen: (item: QueueItem) => void;
  /** `n` on a tab that can start something new (a spot check). */
  readonly onNew: (queue: QueueName) => void;
  readonly active: boolean;
  /** How many item rows fit. */
  readonly rows: number;
  readonly loading: boolean;
  readonly width: number;
}) => {
  const name = QUEUE_NAMES[view.tab] ?? "reports";
  const items = matching(queues?.[name] ?? [], view.search);
  const cursor = Math.min(view.cursor, Math.max(0, items.length - 1));
  // Keys typed faster than the screen redraws must see each other's effect: the handler reads and writes
  // the latest view here rather than the one of the last render, and takes keys that arrive together one
  // at a time.
  const latest = useRef(view);
  latest.current = view;

  useKeystrokes(
    (input, key) => {
      const view = latest.current;
      const onView = (next: QueuesView) => {
        latest.current = next;
        setView(next);
      };
      const name = QUEUE_NAMES[view.tab] ?? "reports";
      const items = matching(queues?.[name] ?? [], view.search);
      const cursor = Math.min(view.cursor, Math.max(0, items.length - 1));
      const move = (tab: number) =>
        onView({ ...view, tab: (tab + QUEUE_NAMES.length) % QUEUE_NAMES.length, cursor: 0 });
      if (view.searching) {
        if (key.escape) onView({ ...view, search: "", searching: false, cursor: 0 });
        else if (key.return) onView({ ...view, searching: false });
        else if (key.backspace || key.delete)
          onView({ ...view, search: view.search.slice(0, -1), cursor: 0 });
        else if (input && !key.ctrl && !key.meta) onView({ ...view, search: view.search + input, cursor: 0 });
        return;
      }
      if (key.tab && key.shift) move(view.tab - 1);
      else if (key.tab || key.rightArrow) move(view.tab + 1);
      else if (key.leftArrow) move(view.tab - 1);
      else if (/^[1-5]$/.test(input)) move(Number(input) - 1);
      else if (key.downArrow || input === "j")
        onView({ ...view, cursor: Math.min(cursor + 1, items.length - 1) });
      else if (key.upArrow || input === "k") onView({ ...view, cursor: Math.max(cursor - 1, 0) });
      else if (key.pageDown) onView({ ...view, cursor: Math.min(cursor + rows, items.length - 1) });
      else if (key.pageUp) onView({ ...view, cursor: Math.max(cursor - rows, 0) });
      else if (input === "/") onView({ ...view, searching: true });
      else if (key.escape && view.search !== "") onView({ ...view, search: "", cursor: 0 });
      else if (input === "n") onNew(name);
      else if (key.return) {
        const item = items[cursor];
        if (item) onOpen(item);
      }
    },
    { isActive: active },
  );

  const first = Math.max(0, Math.min(cursor - Math.floor(rows / 2), items.length - rows));
  const shown = items.slice(first, first + rows);
  return (
    <Box flexDirection="column">
      <Box>
        {QUEUE_NAMES.map((q, i) => (
          <Box key={q} marginRight={1}>
            {i === view.tab ? (
              <Toned
                tone="selected"
                bold
              >{`[${i + 1} ${QUEUE_WORDS[q].zh} ${queues?.[q].length ?? "…"}]`}</Toned>
            ) : (
              <Toned>{` ${i + 1} ${QUEUE_WORDS[q].zh} ${queues?.[q].length ?? "…"} `}</Toned>
            )}
          </Box>
        ))}
      </Box>
      <Box>
        <Toned tone="muted">{`${QUEUE_WORDS[name].zh} / ${QUEUE_WORDS[name].en}`}</Toned>
        {view.searching || view.search !== "" ? (
          <Toned>{`  搜索 / search: ${view.search}${view.searching ? "▏" : ""}`}</Toned>
        ) : null}
      </Box>
      {queues === null ? (
        <Toned tone="muted">{loading ? "载入中… / loading…" : "暂无数据 / nothing loaded"}</Toned>
      ) : items.length === 0 ? (
        <Toned tone="muted">此队列为空 / nothing in this queue</Toned>
      ) : (
        shown.map((item, i) => {
          const selected = first + i === cursor;
          const deadline = deadlineWords(item);
          return (
            <Box key={`${item.id}-${item.stage}-${item.drawId ?? ""}`}>
              <Toned tone={selected ? "selected" : "plain"} width={40}>
                {column(`${selected ? "▶" : " "} ${column(item.id, 15)}${item.stageLabel.zh}`, 40)}
              </Toned>
              <Toned tone={deadline.tone} width={24}>
                {column(deadline.text || (item.since ? formatDate(item.since) : ""), 24)}
              </Toned>
              <Toned width={Math.max(4, width - 64)}>{item.summary}</Toned>
            </Box>
          );
        })
      )}
    </Box>
  );
};
