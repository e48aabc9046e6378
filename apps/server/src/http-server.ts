/**
 * One Node process: tRPC under /trpc, /healthz, and the web pages (apps/web, web-endpoint.ts) for the rest.
 * Shutting down stops accepting connections, lets in-flight requests finish, then closes the database.
 *
 * No request body larger than `maxBodyBytes` is read: one that says so in its Content-Length is refused
 * with 413 before any of it is read (and its connection closed), one that does not is cut off by tRPC's
 * own limit at that size, with 413 too. The public report form is open to anyone, so this bounds what
 * anyone can make the server hold. Files (`/attachments`, attachments-endpoint.ts) have a limit of their own,
 * `maxAttachmentBytes`, kept the same way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ApiContext,
  appRouter,
  checkDeadlines,
  contextFor,
  type DeadlineCheck,
  signCheckpoints,
} from "@liuhen/api";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { Effect, Fiber, ManagedRuntime } from "effect";
import { attachmentsEndpoint, isAttachmentsPath } from "./attachments-endpoint.js";
import {
  DEFAULT_AUTH_CONFIG,
  DEFAULT_CHECKPOINT_INTERVAL,
  DEFAULT_DEADLINE_CHECK_INTERVAL,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  type ServerConfig,
} from "./config.js";
import { type DemoSeed, seedDemo } from "./demo/seed-demo.js";
import { documentsEndpoint, isDocumentsPath } from "./documents-endpoint.js";
import { periodically } from "./periodic-task.js";
import { isReportsPath, reportsEndpoint } from "./reports-endpoint.js";
import { addressOf, clearedSessionCookie, presentedBy, sessionCookie } from "./request-credentials.js";
import { servicesLayer } from "./services.js";
import { webEndpoint } from "./web-endpoint.js";

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** The demo agency's accounts and passwords, when this start seeded it (once, into an empty database). */
  readonly demo: DemoSeed | null;
  /** Runs one pass of the deadline scheduler now (it also runs at start and at every interval). */
  readonly checkDeadlines: () => Promise<DeadlineCheck>;
  /** Stops accepting, waits for in-flight requests, closes the database. */
  readonly close: () => Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

/** Whether the request says its body is larger than `limit` bytes. */
const declaresMoreThan = (req: IncomingMessage, limit: number): boolean => {
  const declared = Number(req.headers["content-length"] ?? 0);
  return Number.isFinite(declared) && declared > limit;
};

/** A 413 in tRPC's error shape, as tRPC's own limit answers, with Liuhen's tag and both languages. */
const payloadTooLarge = (limit: number) => ({
  error: {
    message: `请求内容过大 / The request body is too large: at most ${limit} bytes`,
    code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
    data: {
      code: "PAYLOAD_TOO_LARGE",
      httpStatus: 413,
      tag: "PAYLOAD_TOO_LARGE",
      zh: "请求内容过大",
      en: "The request body is too large",
      field: null,
    },
  },
});

export const startServer = async (config: ServerConfig): Promise<RunningServer> => {
  const runtime = ManagedRuntime.make(servicesLayer(config));
  // Build the services now, so a bad database URL or key directory stops the start with its reason.
  await runtime.runtime();
  const demo = config.demo === true ? await seedDemo(runtime) : null;
  const log = (message: string, fields: Record<string, unknown>) =>
    runtime.runFork(Effect.logInfo(message).pipe(Effect.annotateLogs(fields)));
  const auth = config.auth ?? DEFAULT_AUTH_CONFIG;
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const attachments = attachmentsEndpoint({
    runtime,
    maxAttachmentBytes: config.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
  });

  const documents = documentsEndpoint({ runtime });
  const reports = reportsEndpoint({ runtime });
  const web = await webEndpoint({ runtime, auth });

  // The Set-Cookie headers each request's procedures asked for, written by `responseMeta`.
  const cookiesOf = new WeakMap<ApiContext, Array<string>>();

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: maxBodyBytes,
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
    if (isAttachmentsPath(path)) return void attachments(req, res, path);
    if (isDocumentsPath(path)) return void documents(req, res, path);
    if (isReportsPath(path)) return void reports(req, res, new URL(req.url ?? "/", "http://localhost"));
    if (declaresMoreThan(req, maxBodyBytes)) {
      // Not a byte of it is read; the connection goes, so the rest of the body need not be drained.
      return json(res, 413, payloadTooLarge(maxBodyBytes), { connection: "close" });
    }
    if (path.startsWith("/trpc/")) return trpc(req, res);
    return web(req, res);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  log("listening", { host: config.host, port, database: config.database.kind });
  const tasks = [
    runtime.runFork(
      periodically(
        "deadline check",
        checkDeadlines,
        config.deadlineCheckInterval ?? DEFAULT_DEADLINE_CHECK_INTERVAL,
      ),
    ),
    runtime.runFork(
      periodically(
        "checkpoint signing",
        signCheckpoints,
        config.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL,
      ),
    ),
  ];

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.runPromise(Fiber.interruptAll(tasks));
      // The last appends get a signed head too, so an export taken after shutdown has one to check against.
      await runtime.runPromise(
        signCheckpoints.pipe(
          Effect.catchAllCause((cause) => Effect.logError("checkpoint signing failed", cause)),
        ),
      );
      log("stopped", { port });
      await runtime.dispose();
    })();
    return closing;
  };
  return {
    port,
    url: `http://${config.host}:${port}`,
    demo,
    checkDeadlines: () => runtime.runPromise(checkDeadlines),
    close,
  };
};
