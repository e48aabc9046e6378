/**
 * Colour, or none: with `NO_COLOR` set (https://no-color.org) every tone is plain text, and what colour would
 * say is also said in words or marks (逾期, ▶, brackets), so nothing is lost without it. Every line is cut
 * to the columns it has (`LineWidth`), so nothing wraps on an 80-column terminal.
 */
import { Text } from "ink";
import { createContext, useContext } from "react";
import { fit } from "./fit.js";

export type Tone = "plain" | "title" | "accent" | "danger" | "warning" | "ok" | "muted" | "selected";

const COLOURS: Readonly<Record<Tone, string | null>> = {
  plain: null,
  title: "cyan",
  accent: "blue",
  danger: "red",
  warning: "yellow",
  ok: "green",
  muted: "gray",
  selected: "cyan",
};

export const ColourContext = createContext<boolean>(true);
/** The columns a line has where it is drawn (the screen's, less any border and padding around it). */
export const LineWidth = createContext<number>(80);

/** Whether the environment asks for colour: `NO_COLOR` set to anything non-empty turns it off. */
export const colourWanted = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.NO_COLOR === undefined || env.NO_COLOR === "";

export const Toned = ({
  tone = "plain",
  bold,
  width,
  children,
}: {
  readonly tone?: Tone;
  readonly bold?: boolean;
  /** Columns, when less than the line's (a table cell). */
  readonly width?: number;
  readonly children: string;
}) => {
  const colour = useContext(ColourContext);
  const lineWidth = useContext(LineWidth);
  const hue = COLOURS[tone];
  return (
    <Text
      wrap="truncate-end"
      {...(colour && hue !== null ? { color: hue } : {})}
      {...(bold || (!colour && tone === "selected") ? { bold: true } : {})}
    >
      {fit(children, width ?? lineWidth)}
    </Text>
  );
};
