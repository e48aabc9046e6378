/**
 * The legal officers' terminal UI: a small router over four screens (queues, a file's detail, the
 * statistics tables, the notifications) with the layers over them — a step's prompt, a file's documents, the
 * article text, the help — and the connection banner and the unread count on top. Keys
 * go to the topmost layer only. When the server is lost the screen stays as it was; when it is back, the
 * open screen reloads.
 */
import { Box, Text, useApp, useInput } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  type Action,
  checkSampledRecordAction,
  commitSpotCheckAction,
  drawSpotCheckAction,
  fileActions,
} from "../desk/actions.js";
import { type ConnectionState, ONLINE } from "../desk/connection.js";
import { type CaseFile, type LegalDesk, refusalOf } from "../desk/legal-desk.js";
import type { Regime } from "../desk/legal-steps.js";
import type { QueueItem, QueueName } from "../desk/queues.js";
import { ActionPrompt } from "./action-prompt.js";
import { ArticleOverlay } from "./article-overlay.js";
import { ConnectionBanner } from "./connection-banner.js";
import { DetailScreen } from "./detail-screen.js";
import { DocumentsPanel } from "./documents-panel.js";
import { HelpOverlay } from "./help-overlay.js";
import { NotificationsScreen } from "./notifications-screen.js";
import { INITIAL_QUEUES_VIEW, QueuesScreen, type QueuesView } from "./queues-screen.js";
import { StatisticsScreen } from "./statistics-screen.js";
import { ColourContext, LineWidth, Toned } from "./theme.js";

type Queues = Awaited<ReturnType<LegalDesk["queues"]>>;

type Screen =
  | { readonly _tag: "Queues" }
  | { readonly _tag: "Statistics" }
  | { readonly _tag: "Notifications" }
  | {
      readonly _tag: "Detail";
      readonly regime: Regime;
      readonly id: string;
      /** Opened from the spot-check queue: the draw the record is checked under. */
      readonly drawId: string | null;
    };

interface Prompt {
  readonly title: string;
  readonly actions: ReadonlyArray<Action>;
  readonly direct: boolean;
}

export interface AppProps {
  readonly desk: LegalDesk;
  /** Who is signed in, for the title line. */
  readonly who: string;
  readonly colour: boolean;
  readonly width: number;
  readonly height: number;
  /** Where generated documents are saved unless another directory is typed (the current directory). */
  readonly cwd?: string;
}

const FOOTERS: Readonly<Record<Screen["_tag"], string>> = {
  Queues: "Enter 打开 ←→ 切换 / 搜索 n 新建抽查 s 统计 m 通知 ? 帮助 q 退出",
  Detail: "a 办理 d 公文 c 条文 ↑↓ 滚动 Esc 返回 r 刷新 ? 帮助 q 退出",
  Statistics: "p 期间 c 条文 ↑↓ 滚动 Esc 返回 r 刷新 ? 帮助 q 退出",
  Notifications: "Enter 标为已读 c 条文 ↑↓ 移动 Esc 返回 r 刷新 ? 帮助 q 退出",
};

export const App = ({ desk, who, colour, width, height, cwd = process.cwd() }: AppProps) => {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>({ _tag: "Queues" });
  const [queues, setQueues] = useState<Queues | null>(null);
  const [view, setViewState] = useState<QueuesView>(INITIAL_QUEUES_VIEW);
  // An open search takes every key, also those that come before the next render (`q` in a search term).
  const searching = useRef(false);
  const setView = (next: QueuesView) => {
    searching.current = next.searching;
    setViewState(next);
  };
  const [file, setFile] = useState<CaseFile | null>(null);
  const [scroll, setScroll] = useState(0);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [articles, setArticles] = useState<{ ids: ReadonlyArray<string>; index: number } | null>(null);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [loading, setLoading] = useState(false);
  const [connection, setConnection] = useState<ConnectionState>(ONLINE);
  const [documents, setDocuments] = useState(false);
  const [unread, setUnread] = useState<number | null>(null);
  // A screen's own text entry (the statistics period) takes every key, `q` and `?` included.
  const [typing, setTyping] = useState(false);

  const countUnread = useCallback(() => {
    desk.unreadCount().then(setUnread, () => undefined);
  }, [desk]);

  const load = useCallback(
    (target: Screen) => {
      countUnread();
      // The statistics and notifications screens load what they show themselves.
      if (target._tag === "Statistics" || target._tag === "Notifications") return;
      setLoading(true);
      const loaded =
        target._tag === "Queues"
          ? desk.queues().then(setQueues)
          : desk.open(target.regime, target.id).then(setFile);
      loaded.then(
        () => setLoading(false),
        (error: unknown) => {
          setLoading(false);
          const refusal = refusalOf(error);
          // A lost connection is the banner's to say; the screen keeps what it showed.
          if (!refusal.lostConnection) setMessage({ text: `${refusal.zh} / ${refusal.en}`, error: true });
        },
      );
    },
    [desk, countUnread],
  );

  useEffect(() => load(screen), [load, screen]);
  useEffect(
    () =>
      desk.connection.subscribe((state) => {
        setConnection(state);
        if (state._tag === "Online") {
          setMessage({ text: "已重新连接 / reconnected", error: false });
          load(screen);
        }
      }),
    [desk, load, screen],
  );

  const open = (item: QueueItem) => {
    if (item.regime === null) {
      setPrompt({ title: `抽查 ${item.id}`, actions: [drawSpotCheckAction(desk, item.id)], direct: true });
      return;
    }
    setFile(null);
    setScroll(0);
    setMessage(null);
    setScreen({ _tag: "Detail", regime: item.regime, id: item.id, drawId: item.drawId ?? null });
  };
  const onNew = (queue: QueueName) => {
    // The form's default dates are the server's day, which the queues were judged on.
    if (queue === "spot-checks" && queues !== null)
      setPrompt({
        title: "抽查 / spot check (IF.4)",
        actions: [commitSpotCheckAction(desk, queues.today)],
        direct: true,
      });
  };
  const onActions = () => {
    if (file === null) return;
    const drawId = screen._tag === "Detail" ? screen.drawId : null;
    const actions = [
      ...(drawId === null || file.regime !== "interference"
        ? []
        : [checkSampledRecordAction(desk, file, drawId)]),
      ...fileActions(desk, file),
    ];
    setPrompt({ title: `办理 / take a step: ${file.id}`, actions, direct: false });
  };

  const back = () => {
    setMessage(null);
    setTyping(false);
    setScreen({ _tag: "Queues" });
  };

  const layered = prompt !== null || articles !== null || help || documents;
  useInput(
    (input, key) => {
      if (help) {
        setHelp(false);
        return;
      }
      if (articles !== null) {
        if (key.escape || input === "q" || input === "c") setArticles(null);
        else if (key.rightArrow || input === "l")
          setArticles({ ...articles, index: (articles.index + 1) % articles.ids.length });
        else if (key.leftArrow || input === "h")
          setArticles({
            ...articles,
            index: (articles.index - 1 + articles.ids.length) % articles.ids.length,
          });
        return;
      }
      if (prompt !== null || documents || typing) return;
      if (searching.current && screen._tag === "Queues") return;
      if (input === "?") setHelp(true);
      else if (input === "q") exit();
      else if (screen._tag === "Queues" && input === "s") {
        setMessage(null);
        setScreen({ _tag: "Statistics" });
      } else if (screen._tag === "Queues" && input === "m") {
        setMessage(null);
        setScreen({ _tag: "Notifications" });
      } else if (input === "r") {
        setMessage(null);
        load(screen);
      }
    },
    { isActive: true },
  );

  // Title, tabs or heading, footer, message and banner take their lines; the rest is the list.
  const rows = Math.max(4, height - 7 - (connection._tag === "Offline" ? 1 : 0));
  return (
    <ColourContext.Provider value={colour}>
      <LineWidth.Provider value={width}>
        {/* One line short of the terminal: the cursor's line after the frame would scroll the first away. */}
        <Box flexDirection="column" width={width} height={height - 1}>
          <ConnectionBanner state={connection} />
          <Box justifyContent="space-between">
            <Toned tone="title" bold>
              留痕 Liuhen · 法治科工作台
            </Toned>
            <Box>
              {unread !== null && unread > 0 ? (
                <Toned tone="warning">{`✉ 未读通知 ${unread} (m)  `}</Toned>
              ) : null}
              <Toned tone="muted">{who}</Toned>
            </Box>
          </Box>
          {help ? (
            <LineWidth.Provider value={width - 4}>
              <HelpOverlay />
            </LineWidth.Provider>
          ) : articles !== null ? (
            <LineWidth.Provider value={width - 4}>
              <ArticleOverlay ids={articles.ids} index={articles.index} />
            </LineWidth.Provider>
          ) : null}
          {/* The prompt stays mounted (hidden) under an overlay, so an article read midway keeps the answers. */}
          {prompt !== null ? (
            <Box display={help || articles !== null ? "none" : "flex"} flexDirection="column">
              <LineWidth.Provider value={width - 4}>
                <ActionPrompt
                  title={prompt.title}
                  actions={prompt.actions}
                  direct={prompt.direct}
                  rows={rows}
                  active={articles === null && !help}
                  onArticles={(ids) => setArticles({ ids, index: 0 })}
                  onDone={(changed, text) => {
                    setPrompt(null);
                    if (text !== null) setMessage({ text, error: false });
                    if (changed) load(screen);
                  }}
                />
              </LineWidth.Provider>
            </Box>
          ) : null}
          {documents && screen._tag === "Detail" ? (
            <Box display={help || articles !== null ? "none" : "flex"} flexDirection="column">
              <LineWidth.Provider value={width - 4}>
                <DocumentsPanel
                  desk={desk}
                  regime={screen.regime}
                  id={screen.id}
                  cwd={cwd}
                  rows={rows}
                  active={articles === null && !help}
                  onArticles={(ids) => setArticles({ ids, index: 0 })}
                  onClose={(changed) => {
                    setDocuments(false);
                    if (changed) load(screen);
                  }}
                />
              </LineWidth.Provider>
            </Box>
          ) : null}
          {help || articles !== null || prompt !== null || documents ? null : screen._tag === "Statistics" ? (
            <StatisticsScreen
              desk={desk}
              rows={rows}
              width={width}
              active={!layered}
              onBack={back}
              onArticles={(ids) => setArticles({ ids, index: 0 })}
              onTyping={setTyping}
            />
          ) : screen._tag === "Notifications" ? (
            <NotificationsScreen
              desk={desk}
              rows={rows}
              active={!layered}
              onBack={back}
              onRead={countUnread}
              onArticles={(ids) => setArticles({ ids, index: 0 })}
            />
          ) : screen._tag === "Queues" ? (
            <QueuesScreen
              queues={queues}
              view={view}
              onView={setView}
              onOpen={open}
              onNew={onNew}
              active={!layered}
              rows={rows - 2}
              loading={loading}
              width={width}
            />
          ) : file === null ? (
            <Toned tone="muted">{loading ? "载入中… / loading…" : "未能打开 / could not open"}</Toned>
          ) : (
            <DetailScreen
              target={file}
              scroll={scroll}
              onScroll={setScroll}
              onBack={() => {
                setMessage(null);
                setScreen({ _tag: "Queues" });
              }}
              onActions={onActions}
              onDocuments={() => setDocuments(true)}
              onArticles={(ids) => setArticles({ ids, index: 0 })}
              active={!layered}
              rows={rows}
            />
          )}
          <Box flexGrow={1} />
          {message ? <Toned tone={message.error ? "danger" : "ok"}>{message.text}</Toned> : <Text> </Text>}
          <Toned tone="muted">{FOOTERS[screen._tag]}</Toned>
        </Box>
      </LineWidth.Provider>
    </ColourContext.Provider>
  );
};
