/** The line that says the server is gone (and that the screen shown is as it was), until it is back. */
import { Box, Text } from "ink";
import { useContext } from "react";
import type { ConnectionState } from "../desk/connection.js";
import { fit } from "./fit.js";
import { ColourContext, LineWidth } from "./theme.js";

const clock = (date: Date) => date.toTimeString().slice(0, 8);

export const ConnectionBanner = ({ state }: { readonly state: ConnectionState }) => {
  const colour = useContext(ColourContext);
  const width = useContext(LineWidth);
  if (state._tag === "Online") return null;
  return (
    <Box>
      <Text
        wrap="truncate-end"
        {...(colour ? { color: "black", backgroundColor: "yellow" } : { inverse: true })}
      >
        {fit(
          `⚠ 服务器连接中断（${clock(state.since)}起），正在重连，画面保持不变 / connection lost, reconnecting…`,
          width,
        )}
      </Text>
    </Box>
  );
};
