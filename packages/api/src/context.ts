/** What every procedure gets: the Effect runtime with the services it runs over, and who is asking. */
import type { Regimes } from "@liuhen/domain";
import type { ManagedRuntime } from "effect";

/** The services procedures may use; the server provides them by layers. */
export type ApiServices = Regimes;

export interface ApiContext {
  readonly runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>;
  /** The caller's address, for throttling and the log. */
  readonly address: string | null;
}
