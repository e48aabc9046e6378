/** The layers the API's procedures run over: the regimes and the store on the configured database. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DEFAULT_REGISTRY, Regimes } from "@liuhen/domain";
import { postgresStoreLayer, sqliteStoreLayer } from "@liuhen/store";
import { Layer, Logger } from "effect";
import type { ServerConfig } from "./config.js";

const storeLayerFor = (config: ServerConfig) => {
  if (config.database.kind === "postgres") {
    return postgresStoreLayer({ url: config.database.url, keyDirectory: config.keyDirectory });
  }
  mkdirSync(dirname(config.database.filename), { recursive: true });
  return sqliteStoreLayer({ filename: config.database.filename, keyDirectory: config.keyDirectory });
};

export const servicesLayer = (config: ServerConfig) =>
  Layer.mergeAll(Regimes.layer(DEFAULT_REGISTRY), storeLayerFor(config)).pipe(
    Layer.provideMerge(Logger.json),
  );
