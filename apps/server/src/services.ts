/**
 * The layers the API's procedures run over: the regimes, and the store on the configured database with the
 * account services and every projection (the proceedings' and `accounts`) registered.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CaseClock } from "@liuhen/api";
import { DEFAULT_REGISTRY, Regimes } from "@liuhen/domain";
import { postgresStoreLayer, sqliteStoreLayer, withAccounts } from "@liuhen/store";
import { Layer, Logger } from "effect";
import { DEFAULT_AUTH_CONFIG, DEFAULT_INTAKE_CONFIG, type ServerConfig } from "./config.js";
import { demoCaseClock } from "./demo/demo-day.js";

const storeLayerFor = (config: ServerConfig) => {
  if (config.database.kind === "postgres") {
    return postgresStoreLayer({ url: config.database.url, keyDirectory: config.keyDirectory });
  }
  mkdirSync(dirname(config.database.filename), { recursive: true });
  return sqliteStoreLayer({ filename: config.database.filename, keyDirectory: config.keyDirectory });
};

export const servicesLayer = (config: ServerConfig) => {
  const auth = config.auth ?? DEFAULT_AUTH_CONFIG;
  return Layer.mergeAll(
    Regimes.layer(DEFAULT_REGISTRY),
    config.caseClock ?? (config.demo === true ? demoCaseClock : CaseClock.live),
    withAccounts(storeLayerFor(config), {
      sessions: { ttl: auth.sessionTtl },
      loginThrottle: {
        maxFailuresPerAccount: auth.maxFailuresPerAccount,
        maxFailuresPerAddress: auth.maxFailuresPerAddress,
        window: auth.loginWindow,
      },
      intakeThrottle: config.intake ?? DEFAULT_INTAKE_CONFIG,
    }),
  ).pipe(Layer.provideMerge(Logger.json));
};
