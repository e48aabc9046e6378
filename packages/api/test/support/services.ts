/**
 * The API's services over a store on a fresh SQLite file, for calling procedures in process; the case clock
 * is the real one unless a test fixes the day.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_REGISTRY, Regimes } from "@liuhen/domain";
import { sqliteStoreLayer, withAccounts } from "@liuhen/store";
import { Layer, ManagedRuntime } from "effect";
import { CaseClock } from "../../src/case-files/case-clock.js";

export const testServices = (caseClock: Layer.Layer<CaseClock> = CaseClock.live) => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liuhen-api-"));
  const store = sqliteStoreLayer({
    filename: path.join(directory, "liuhen.db"),
    keyDirectory: path.join(directory, "keys"),
  });
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Regimes.layer(DEFAULT_REGISTRY),
      caseClock,
      withAccounts(store, {
        loginThrottle: { maxFailuresPerAccount: 3, maxFailuresPerAddress: 10, window: "15 minutes" },
      }),
    ),
  );
  const cleanUp = async () => {
    await runtime.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  };
  return { runtime, cleanUp };
};
