/**
 * The web pages (apps/web, SvelteKit's adapter-node build): every path that is not the API's, the health
 * check's or the attachments'. The pages' server code calls the API like any client, in tRPC's wire format
 * with the browser's session cookie and CSRF token, but in process: each request to the pages carries
 * `liuhenApi`, a fetch-shaped door to the router (tRPC's fetch adapter) that answers as `/trpc/` would, with
 * the address of the browser that made the page request (so the per-address throttles of the public
 * channel and of signing in see the reporter, not the server). Nothing leaves the process and no port is
 * dialled back; Set-Cookie headers in its answers are the pages' to pass on to the browser.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiContext, appRouter, contextFor } from "@liuhen/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Effect } from "effect";
import type { AuthConfig } from "./config.js";
import { addressOf, clearedSessionCookie, presentedIn, sessionCookie } from "./request-credentials.js";

/** What apps/web finds on `event.platform.req` (its src/app.d.ts declares the same shape). */
export interface WebRequest extends IncomingMessage {
  liuhenApi?: (request: Request) => Promise<Response>;
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Where the built pages are: apps/web's `build/handler.js`, through its package export. */
const WEB_HANDLER = "@liuhen/web/handler";

/**
 * The header this server tells the pages the request's scheme in (adapter-node's PROTOCOL_HEADER, which
 * would otherwise take every request for HTTPS): SvelteKit compares a form post's Origin with it, and refuses
 * a mismatch as cross-site. An operator's LIUHEN_WEB_ORIGIN, or LIUHEN_WEB_PROTOCOL_HEADER, takes precedence.
 */
const PROTOCOL_HEADER = "x-liuhen-web-protocol";

/** The scheme the browser used: the proxy's X-Forwarded-Proto when it is trusted, else the socket's. */
const protocolOf = (req: IncomingMessage, trustProxy: boolean): "http" | "https" => {
  const forwarded = trustProxy ? req.headers["x-forwarded-proto"] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .at(-1);
  if (last === "http" || last === "https") return last;
  return (req.socket as { encrypted?: boolean }).encrypted === true ? "https" : "http";
};

export interface WebEndpointOptions {
  readonly runtime: ApiContext["runtime"];
  readonly auth: AuthConfig;
}

export const webEndpoint = async ({ runtime, auth }: WebEndpointOptions) => {
  // adapter-node reads its settings from the environment once, when the handler is first imported.
  process.env.LIUHEN_WEB_PROTOCOL_HEADER ??= PROTOCOL_HEADER;
  const ownProtocolHeader = process.env.LIUHEN_WEB_PROTOCOL_HEADER === PROTOCOL_HEADER;
  // A specifier in a variable: the pages are built JavaScript without types, which the server's own build
  // does not need.
  const { handler } = (await import(WEB_HANDLER)) as { handler: NodeHandler };

  const apiFor =
    (req: IncomingMessage) =>
    (request: Request): Promise<Response> => {
      const cookiesOf = new WeakMap<ApiContext, Array<string>>();
      return fetchRequestHandler({
        endpoint: "/trpc",
        req: request,
        router: appRouter,
        createContext: async (): Promise<ApiContext> => {
          const cookies: Array<string> = [];
          const ctx = await contextFor({
            runtime,
            address: addressOf(req, auth.trustProxy),
            presented: presentedIn(request.headers),
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
        onError: ({ error, path }) => {
          if (error.code === "INTERNAL_SERVER_ERROR") {
            runtime.runFork(
              Effect.logError("procedure failed").pipe(
                Effect.annotateLogs({ path, via: "web", cause: String(error.cause ?? error.message) }),
              ),
            );
          }
        },
      });
    };

  return (req: IncomingMessage, res: ServerResponse) => {
    (req as WebRequest).liuhenApi = apiFor(req);
    // Always this server's word, never the client's.
    if (ownProtocolHeader) req.headers[PROTOCOL_HEADER] = protocolOf(req, auth.trustProxy);
    handler(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
    });
  };
};
