/**
 * The signed-in person's notifications (deadline notices, messages), newest first, from the queues (`m`):
 * unread ones marked ●; Enter marks the one under the cursor read. Which notices exist, and for whom, is
 * the server's (the deadline scheduler issues them).
 */
import { formatDate, type LocalisedText } from "@liuhen/domain";
import { Box } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LegalDesk, refusalOf, type UserNotification } from "../desk/legal-desk.js";
import { useKeystrokes } from "./keystrokes.js";
import { Toned } from "./theme.js";

const KIND_WORDS: Readonly<Record<string, LocalisedText>> = {
  "deadline-due-soon": { zh: "期限即将届满", en: "deadline due soon" },
  "deadline-overdue": { zh: "期限已过", en: "deadline overdue" },
  "protection-alert": { zh: "保护提示", en: "protection alert" },
  "step-required": { zh: "待办步骤", en: "step required" },
  message: { zh: "消息", en: "message" },
};

const detailText = (n: UserNotification): string => {
  const details = n.details as Readonly<Record<string, string>>;
  const about = n.streamId === null ? "" : ` ${n.streamId.slice(n.streamId.indexOf("/") + 1)}`;
  const period = details.period ? ` ${details.period}` : "";
  const due = details.due ? ` ${formatDate(details.due)}前` : "";
  const rest = Object.entries(details)
    .filter(([k]) => !["period", "due", "start"].includes(k))
    .map(([, v]) => v)
    .join(" ");
  return `${about}${period}${due}${rest ? ` ${rest}` : ""}`;
};

export const NotificationsScreen = ({
  desk,
  rows,
  active,
  onBack,
  onRead,
  onArticles,
}: {
  readonly desk: LegalDesk;
  readonly rows: number;
  readonly active: boolean;
  readonly onBack: () => void;
  /** One was marked read: the header's unread count changes. */
  readonly onRead: () => void;
  /** `c`: the articles of the periods the notices name. */
  readonly onArticles: (ids: ReadonlyArray<string>) => void;
}) => {
  const [list, setList] = useState<ReadonlyArray<UserNotification> | null>(null);
  const [cursor, setCursorState] = useState(0);
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean } | null>(null);
  const latest = useRef(cursor);
  latest.current = cursor;
  const setCursor = (next: number) => {
    latest.current = next;
    setCursorState(next);
  };

  const load = useCallback(() => {
    desk.notifications().then(setList, (error: unknown) => {
      const refusal = refusalOf(error);
      setMessage({ text: `${refusal.zh} / ${refusal.en}`, error: true });
    });
  }, [desk]);
  useEffect(load, [load]);

  const items = list ?? [];
  useKeystrokes(
    (input, key) => {
      const at = Math.min(latest.current, Math.max(0, items.length - 1));
      if (key.escape || input === "b") onBack();
      else if (key.downArrow || input === "j") setCursor(Math.min(at + 1, items.length - 1));
      else if (key.upArrow || input === "k") setCursor(Math.max(at - 1, 0));
      else if (key.return || input === "m") {
        const item = items[at];
        if (item === undefined) return;
        if (item.readOn !== null) {
          setMessage({ text: `已读于 / read on ${formatDate(item.readOn)}`, error: false });
          return;
        }
        desk.markRead(item.notificationId).then(
          () => {
            setMessage({ text: "已标为已读 / marked read", error: false });
            load();
            onRead();
          },
          (error: unknown) => {
            const refusal = refusalOf(error);
            setMessage({ text: `未标记 / not marked — ${refusal.zh} / ${refusal.en}`, error: true });
          },
        );
      } else if (input === "c") {
        const ids = [
          ...new Set(items.map((n) => (n.details as Readonly<Record<string, string>>).period ?? "")),
        ].filter((id) => id !== "");
        if (ids.length > 0) onArticles(ids);
      } else if (input === "r") load();
    },
    { isActive: active },
  );

  const unread = items.filter((n) => n.readOn === null).length;
  const at = Math.min(cursor, Math.max(0, items.length - 1));
  const shown = Math.max(1, rows - 2);
  const first = Math.max(0, Math.min(at - Math.floor(shown / 2), items.length - shown));
  return (
    <Box flexDirection="column">
      <Toned tone="accent">{`通知 / notifications　未读 / unread ${unread}　Enter 标为已读 / mark read`}</Toned>
      {list === null ? (
        <Toned tone="muted">载入中… / loading…</Toned>
      ) : items.length === 0 ? (
        <Toned tone="muted">暂无通知 / no notifications</Toned>
      ) : (
        items.slice(first, first + shown).map((n, i) => {
          const selected = first + i === at;
          const kind = KIND_WORDS[n.kind] ?? { zh: n.kind, en: n.kind };
          return (
            <Toned
              key={n.notificationId}
              tone={selected ? "selected" : n.readOn === null ? "plain" : "muted"}
            >
              {`${selected ? "▶" : " "} ${n.readOn === null ? "● 未读" : "○ 已读"} ${formatDate(n.concernsDate)} ${kind.zh}${detailText(n)}`}
            </Toned>
          );
        })
      )}
      {message ? <Toned tone={message.error ? "danger" : "ok"}>{message.text}</Toned> : null}
    </Box>
  );
};
