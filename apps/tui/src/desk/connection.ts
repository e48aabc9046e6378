/**
 * Whether the server answers, for the terminal UI's banner: a failed request that never reached tRPC (no
 * connection, a proxy's error page) marks the connection lost; from then on the server is asked `auth.me`
 * every `retryMs` until it answers, and everyone listening is told it is back so screens reload. Refusals the
 * server makes (a bad field, a forbidden step) are answers: they leave the connection as it is.
 */
import { TRPCClientError } from "@trpc/client";

export type ConnectionState =
  | { readonly _tag: "Online" }
  | { readonly _tag: "Offline"; readonly since: Date; readonly reason: string };

export const ONLINE: ConnectionState = { _tag: "Online" };

/** An error that means the server was not reached (as opposed to a refusal it answered with). */
export const isConnectionLoss = (error: unknown): boolean =>
  !(error instanceof TRPCClientError) || error.data === undefined || error.data === null;

export class ConnectionWatch {
  private state: ConnectionState = ONLINE;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly retryMs = 2_000,
  ) {}

  get current(): ConnectionState {
    return this.state;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a request; a lost connection is noted (and retried in the background) before the error goes on. */
  async guard<A>(request: () => Promise<A>): Promise<A> {
    try {
      const answer = await request();
      if (this.state._tag === "Offline") this.set(ONLINE);
      return answer;
    } catch (error) {
      if (isConnectionLoss(error)) this.lost(error);
      throw error;
    }
  }

  /** Stops retrying (the UI is closing). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private lost(error: unknown): void {
    if (this.state._tag === "Online") {
      this.set({
        _tag: "Offline",
        since: new Date(),
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ping().then(
        () => this.set(ONLINE),
        (error: unknown) => {
          // The server answered (e.g. the token was revoked): it is reachable, so the banner goes.
          if (!isConnectionLoss(error)) this.set(ONLINE);
          else this.schedule();
        },
      );
    }, this.retryMs);
  }

  private set(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
