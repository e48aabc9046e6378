/**
 * Where `liuhen login` keeps the bearer token for the terminal UI: `credentials.json` in the user's config
 * directory (`$LIUHEN_CONFIG_DIR`, else `$XDG_CONFIG_HOME/liuhen`, else `~/.config/liuhen`), the directory
 * mode 0700 and the file 0600, written whole and renamed into place.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Schema } from "effect";

export const Credentials = Schema.Struct({
  server: Schema.String,
  agency: Schema.String,
  username: Schema.String,
  tokenId: Schema.String,
  token: Schema.String,
});
export type Credentials = typeof Credentials.Type;

export const configDirectory = (env: NodeJS.ProcessEnv = process.env): string =>
  env.LIUHEN_CONFIG_DIR ?? path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config"), "liuhen");

export const credentialsPath = (env: NodeJS.ProcessEnv = process.env): string =>
  path.join(configDirectory(env), "credentials.json");

export const writeCredentials = (credentials: Credentials, file = credentialsPath()): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, file);
};

/** The stored credentials, or null when there are none; a file that fails its Schema counts as none. */
export const readCredentials = (file = credentialsPath()): Credentials | null => {
  if (!fs.existsSync(file)) return null;
  const decoded = Schema.decodeUnknownEither(Schema.parseJson(Credentials))(fs.readFileSync(file, "utf8"));
  return decoded._tag === "Right" ? decoded.right : null;
};

export const removeCredentials = (file = credentialsPath()): void => fs.rmSync(file, { force: true });
