/**
 * A tRPC client of the Liuhen server for the command line: with a bearer token, or — only to sign in — a
 * session cookie and its CSRF header kept for the life of the client.
 */
import type { AppRouter } from "@liuhen/api";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";

/** The server's API as a client sees it (named, so declarations need not spell out the router's types). */
export type ApiClient = TRPCClient<AppRouter>;

export const bearerClient = (server: string, token: string): ApiClient =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });

/** A client that keeps the session cookie the server sets and sends the CSRF token once it is known. */
export const sessionClient = (
  server: string,
): { readonly client: ApiClient; readonly adoptCsrf: (token: string) => void } => {
  let cookie: string | null = null;
  let csrf: string | null = null;
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server}/trpc`,
        headers: () => ({ ...(cookie ? { cookie } : {}), ...(csrf ? { "x-liuhen-csrf": csrf } : {}) }),
        fetch: async (url, init) => {
          const response = await fetch(url, init as RequestInit);
          for (const set of response.headers.getSetCookie()) {
            if (set.startsWith("liuhen_session=")) cookie = set.split(";")[0] ?? null;
          }
          return response;
        },
      }),
    ],
  });
  const adoptCsrf = (token: string) => {
    csrf = token;
  };
  return { client, adoptCsrf };
};
