/**
 * The article text behind the citation ids a screen shows, exactly as issued, from the domain's regulation
 * module (no server needed): ← → go through the ids, Esc closes.
 */
import { DEFAULT_REGISTRY } from "@liuhen/domain";
import { Either } from "effect";
import { Box, Text } from "ink";
import { Toned } from "./theme.js";

export const articleOf = (id: string) => {
  const regime = DEFAULT_REGISTRY.find(undefined);
  return Either.isRight(regime) ? regime.right.article(id) : undefined;
};

export const ArticleOverlay = ({
  ids,
  index,
}: {
  readonly ids: ReadonlyArray<string>;
  readonly index: number;
}) => {
  const id = ids[index] ?? "";
  const article = articleOf(id);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Box justifyContent="space-between">
        <Toned tone="title" bold>
          {`条文原文 ${id} ${article?.heading ?? ""}`}
        </Toned>
        <Toned tone="muted">{`${index + 1}/${ids.length}`}</Toned>
      </Box>
      {article === undefined ? (
        <Toned tone="danger">{`本制度无此条文 / no article ${id}`}</Toned>
      ) : (
        <>
          <Text>{article.text}</Text>
          {article.note ? <Toned tone="muted">{`注 / note: ${article.note}`}</Toned> : null}
        </>
      )}
      <Toned tone="muted">← → 上一条、下一条 / previous, next　Esc 关闭 / close</Toned>
    </Box>
  );
};
