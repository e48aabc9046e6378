/**
 * One Node process: tRPC under /trpc, /healthz, and (with the web issue) the SvelteKit handler for the rest.
 * Shutting down stops accepting connections, lets in-flight requests finish, then closes the database.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiContext, appRouter, contextFor } from "@liuhen/api";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { Effect, ManagedRuntime } from "effect";
import { DEFAULT_AUTH_CONFIG, type ServerConfig } from "./config.js";
import { addressOf, clearedSessionCookie, presentedBy, sessionCookie } from "./request-credentials.js";
import { servicesLayer } from "./services.js";

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting, waits for in-flight requests, closes the database. */
  readonly close: () => Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

export const startServer = async (config: ServerConfig): Promise<RunningServer> => {
  const runtime = ManagedRuntime.make(servicesLayer(config));
  // Build the services now, so a bad database URL or key directory stops the start with its reason.
  await runtime.runtime();
  const log = (message: string, fields: Record<string, unknown>) =>
    runtime.runFork(Effect.logInfo(message).pipe(Effect.annotateLogs(fields)));
  const auth = config.auth ?? DEFAULT_AUTH_CONFIG;

  // The Set-Cookie headers each request's procedures asked for, written by `responseMeta`.
  const cookiesOf = new WeakMap<ApiContext, Array<string>>();

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: async ({ req }): Promise<ApiContext> => {
      const cookies: Array<string> = [];
      const ctx = await contextFor({
        runtime,
        address: addressOf(req, auth.trustProxy),
        presented: presentedBy(req),
        sessionCookie: {
          set: (secret, maxAgeSeconds) =>
            cookies.push(sessionCookie(secret, maxAgeSeconds, auth.cookieSecure)),
          clear: () => cookies.push(clearedSessionCookie(auth.cookieSecure)),
        },
      });
      cookiesOf.set(ctx, cookies);
      return ctx;
    },
    responseMeta: ({ ctx }) => {
      const headers = new Headers({ "cache-control": "no-store" });
      for (const cookie of (ctx && cookiesOf.get(ctx)) ?? []) headers.append("set-cookie", cookie);
      return { headers };
    },
    // What a client is told of an internal error is "internal error"; the details stay in this log.
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        runtime.runFork(
          Effect.logError("procedure failed").pipe(
            Effect.annotateLogs({ path, cause: String(error.cause ?? error.message) }),
          ),
        );
      }
    },
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    res.on("finish", () =>
      log("request", {
        method: req.method,
        path: req.url?.split("?")[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path.startsWith("/trpc/")) return trpc(req, res);
    return json(res, 404, { error: "not found" });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  log("listening", { host: config.host, port, database: config.database.kind });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      log("stopped", { port });
      await runtime.dispose();
    })();
    return closing;
  };
  return { port, url: `http://${config.host}:${port}`, close };
};
