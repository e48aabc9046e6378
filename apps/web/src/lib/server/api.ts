/**
 * The pages' one way to the API (loads and form actions call it; components never do). A typed tRPC client
 * per request, speaking the wire format any client speaks: the browser's session cookie goes along, a change
 * carries the CSRF token the page was given (CsrfField), and the Set-Cookie headers the API answers with
 * (sign-in, sign-out) go back to the browser through hooks.server.ts.
 *
 * Transport: in the server process, the door apps/server puts on the request (web-endpoint.ts), which runs
 * the router in process with the browser's own address; under `vite dev`, HTTP to LIUHEN_API_URL.
 */
import type { AppRouter } from "@liuhen/api";
import type { RequestEvent } from "@sveltejs/kit";
import { createTRPCClient, httpLink } from "@trpc/client";
import { env } from "$env/dynamic/private";

export const SESSION_COOKIE = "liuhen_session";
const CSRF_HEADER = "x-liuhen-csrf";

export interface ApiOptions {
  /** The session's CSRF token, for a change made with the session cookie. */
  readonly csrf?: string | null | undefined;
}

export const api = (event: RequestEvent, options: ApiOptions = {}) => {
  const inProcess = event.platform?.req.liuhenApi;
  const origin = inProcess === undefined ? (env.LIUHEN_API_URL ?? "http://127.0.0.1:3000") : event.url.origin;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${origin}/trpc`,
        headers: () => {
          const headers: Record<string, string> = {};
          const session = event.cookies.get(SESSION_COOKIE);
          if (session !== undefined) headers.cookie = `${SESSION_COOKIE}=${session}`;
          if (options.csrf) headers[CSRF_HEADER] = options.csrf;
          return headers;
        },
        fetch: async (input, init) => {
          const request = new Request(input as RequestInfo | URL, init as RequestInit);
          const response = inProcess === undefined ? await fetch(request) : await inProcess(request);
          event.locals.apiCookies.push(...response.headers.getSetCookie());
          return response;
        },
      }),
    ],
  });
};
