/**
 * The figures as tables (issue 8), from the queues (`s`): a period (`p`: a quarter like 2026-Q1, months
 * like 2026-01..2026-03, empty for all time), then the tables one under another, scrolled with ↑↓ to fit
 * 80×24. Each IF.10 category carries its citation id; `c` opens the articles' text.
 */
import { Either } from "effect";
import { Box, Text } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LegalDesk, refusalOf } from "../desk/legal-desk.js";
import {
  parsePeriod,
  periodWords,
  type StatisticsPeriod,
  statisticsTables,
  type Table,
  tableCitations,
} from "../desk/statistics.js";
import { column, widthOf } from "./fit.js";
import { useKeystrokes } from "./keystrokes.js";
import { type Tone, Toned } from "./theme.js";

interface Line {
  readonly text: string;
  readonly tone: Tone;
}

const CELL = 7;

/** A figure or a column's name, right-aligned in its cell so the figures line up under it. */
const cell = (text: string): string => " ".repeat(Math.max(1, CELL - widthOf(text))) + text;

const tableLines = (tables: ReadonlyArray<Table>, width: number): ReadonlyArray<Line> => {
  const lines: Line[] = [];
  for (const table of tables) {
    const label = Math.max(20, width - CELL * table.columns.length);
    lines.push({ text: `${table.title.zh} / ${table.title.en}`, tone: "title" });
    lines.push({
      text: column("", label) + table.columns.map(cell).join(""),
      tone: "muted",
    });
    for (const row of table.rows) {
      lines.push({
        text: column(`  ${row.label}`, label) + row.cells.map(cell).join(""),
        tone: "plain",
      });
    }
  }
  return lines;
};

export const StatisticsScreen = ({
  desk,
  rows,
  width,
  active,
  onBack,
  onArticles,
  onTyping,
}: {
  readonly desk: LegalDesk;
  readonly rows: number;
  readonly width: number;
  readonly active: boolean;
  readonly onBack: () => void;
  readonly onArticles: (ids: ReadonlyArray<string>) => void;
  /** The period is being typed: the app's own keys (`q`, `?`) wait. */
  readonly onTyping: (typing: boolean) => void;
}) => {
  const [period, setPeriod] = useState<StatisticsPeriod>({});
  const [tables, setTables] = useState<ReadonlyArray<Table> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditingState] = useState<{ readonly input: string } | null>(null);
  const [scroll, setScrollState] = useState(0);
  // Keys typed faster than the screen redraws must see each other's effect (a period typed in one go, pages
  // turned in a row): the handler reads and writes the latest values here rather than the last render's.
  const latest = useRef(editing);
  latest.current = editing;
  const scrolled = useRef(scroll);
  scrolled.current = scroll;
  const setScroll = (next: number) => {
    scrolled.current = next;
    setScrollState(next);
  };
  const setEditing = (next: { readonly input: string } | null) => {
    latest.current = next;
    setEditingState(next);
    onTyping(next !== null);
  };

  const load = useCallback(
    (wanted: StatisticsPeriod) => {
      desk.statistics(wanted).then(
        ({ interference, wrongCases }) => {
          setTables(statisticsTables(interference, wrongCases));
          setPeriod(wanted);
          scrolled.current = 0;
          setScrollState(0);
          setError(null);
        },
        (failure: unknown) => {
          const refusal = refusalOf(failure);
          setError(`未能读取统计 / could not read the figures — ${refusal.zh} / ${refusal.en}`);
        },
      );
    },
    [desk],
  );
  useEffect(() => load({}), [load]);

  // `rows` counts the queues' two tab lines; here the period line and the scroll mark take their place.
  const shown = Math.max(3, rows + 1);
  const lines = tables === null ? [] : tableLines(tables, width);
  const last = Math.max(0, lines.length - shown);

  useKeystrokes(
    (input, key) => {
      const editing = latest.current;
      if (editing !== null) {
        if (key.escape) setEditing(null);
        else if (key.return) {
          const parsed = parsePeriod(editing.input);
          if (Either.isLeft(parsed)) setError(parsed.left);
          else {
            setEditing(null);
            load(parsed.right);
          }
        } else if (key.backspace || key.delete) setEditing({ input: editing.input.slice(0, -1) });
        else if (input && !key.ctrl && !key.meta && !key.tab) setEditing({ input: editing.input + input });
        return;
      }
      const scroll = scrolled.current;
      if (key.escape || input === "b") onBack();
      else if (input === "p") {
        setError(null);
        setEditing({ input: period.quarter ?? (period.from ? `${period.from}..${period.to}` : "") });
      } else if (key.downArrow || input === "j") setScroll(Math.min(scroll + 1, last));
      else if (key.upArrow || input === "k") setScroll(Math.max(scroll - 1, 0));
      // Spaces sent in one write (a terminal's paste, tmux) turn as many pages.
      else if (key.pageDown || /^ +$/.test(input))
        setScroll(Math.min(scroll + shown * Math.max(1, input.length), last));
      else if (key.pageUp) setScroll(Math.max(scroll - shown, 0));
      else if (input === "c" && tables !== null) onArticles(tableCitations(tables));
      else if (input === "r") load(period);
    },
    { isActive: active },
  );

  const from = Math.min(scroll, last);
  return (
    <Box flexDirection="column">
      {editing !== null ? (
        <Box>
          <Text bold>统计期间 / period: </Text>
          <Text>{`${editing.input}▏`}</Text>
        </Box>
      ) : (
        <Toned tone="accent">{`统计 / statistics　${periodWords(period)}　(p 更改期间 / change)`}</Toned>
      )}
      {error ? <Toned tone="danger">{error}</Toned> : null}
      {tables === null ? (
        <Toned tone="muted">载入中… / loading…</Toned>
      ) : (
        lines.slice(from, from + shown - (error ? 1 : 0)).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are redrawn whole, never reordered
          <Toned key={`${from + i}`} tone={line.tone} bold={line.tone === "title"}>
            {line.text}
          </Toned>
        ))
      )}
      {lines.length > shown ? (
        <Toned tone="muted">{`↑↓ 滚动 / scroll ${from + 1}–${Math.min(from + shown, lines.length)}/${lines.length}`}</Toned>
      ) : null}
    </Box>
  );
};
