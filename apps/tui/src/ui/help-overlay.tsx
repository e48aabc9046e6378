/** The keys, in Chinese and English, over whichever screen is open (`?` opens it, any key closes it). */
import { Box, Text } from "ink";
import { Toned } from "./theme.js";

export const KEYS: ReadonlyArray<readonly [string, string]> = [
  ["Tab / ← →  1–5", "切换队列 / switch queue"],
  ["↑ ↓  j k", "移动、滚动 / move, scroll"],
  ["Enter", "打开详情 / open the file"],
  ["/", "搜索筛选 / filter and search"],
  ["a", "办理（可办步骤）/ take a step"],
  ["c", "查看条文原文 / read the articles cited"],
  ["n", "新建抽查（抽查队列）/ new spot check"],
  ["d", "公文：查看、生成（详情）/ documents of the file"],
  ["s  m", "统计表、通知（队列）/ statistics, notifications"],
  ["p", "统计期间（统计）/ the statistics' period"],
  ["r", "刷新 / reload"],
  ["Esc  b", "返回、取消 / back, cancel"],
  ["?", "帮助 / this help"],
  ["q", "退出 / quit"],
];

export const HelpOverlay = () => (
  <Box flexDirection="column" borderStyle="round" paddingX={1}>
    <Toned tone="title" bold>
      按键说明 / Keys
    </Toned>
    {KEYS.map(([keys, what]) => (
      <Box key={keys}>
        <Box width={18} flexShrink={0}>
          <Text bold>{keys}</Text>
        </Box>
        <Toned width={56}>{what}</Toned>
      </Box>
    ))}
    <Toned tone="muted">按任意键关闭 / press any key to close</Toned>
  </Box>
);
