/** The `liuhen` command as installed from the workspace: its bin script, which runs the built CLI. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const liuhenBin = (): string => {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@liuhen/tui/package.json"));
  const main = join(root, "dist", "main.js");
  try {
    require.resolve(main);
  } catch {
    throw new Error(`the liuhen command is not built (${main}): npx turbo build --filter=@liuhen/bench...`);
  }
  return join(root, "bin", "liuhen.js");
};
