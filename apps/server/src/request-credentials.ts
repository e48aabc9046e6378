/**
 * What a request presents to prove who sent it, read from its headers, and the session cookie a response
 * sets. The cookie is httpOnly (page scripts cannot read it), SameSite=Strict (a browser does not attach it
 * to requests another site starts), Path=/ and, when the server is reached over HTTPS, Secure.
 */
import type { IncomingMessage } from "node:http";
import type { PresentedCredentials } from "@liuhen/api";
import { Redacted } from "effect";

export const SESSION_COOKIE = "liuhen_session";
export const CSRF_HEADER = "x-liuhen-csrf";

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? null) : null;
};

/** The first `name` cookie of a Cookie header. */
const cookie = (cookieHeader: string | null, name: string): string | null => {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return value === "" ? null : value;
    }
  }
  return null;
};

/** What a request's headers present, read through `header` (a Node request's or a fetch `Headers`). */
const presented = (header: (name: string) => string | null): PresentedCredentials => {
  const authorization = header("authorization");
  // A malformed Authorization header still means "judge me by my token": it opens nothing.
  const bearer = authorization === null ? null : (/^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? "");
  return {
    sessionSecret: cookie(header("cookie"), SESSION_COOKIE),
    bearerToken: bearer,
    csrfHeader: header(CSRF_HEADER),
  };
};

export const presentedBy = (req: IncomingMessage): PresentedCredentials =>
  presented((name) => header(req, name));

/** The same, for a request the web pages hand the API in-process (web-endpoint.ts). */
export const presentedIn = (headers: Headers): PresentedCredentials => presented((name) => headers.get(name));

/** The client's address: the socket's, or with `trustProxy` the last X-Forwarded-For entry. */
export const addressOf = (req: IncomingMessage, trustProxy: boolean): string | null => {
  const forwarded = trustProxy ? header(req, "x-forwarded-for") : null;
  const last = forwarded
    ?.split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .at(-1);
  const address = last ?? req.socket.remoteAddress ?? null;
  return address?.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
};

const attributes = (secure: boolean) => `Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;

export const sessionCookie = (secret: Redacted.Redacted<string>, maxAgeSeconds: number, secure: boolean) =>
  `${SESSION_COOKIE}=${Redacted.value(secret)}; Max-Age=${maxAgeSeconds}; ${attributes(secure)}`;

export const clearedSessionCookie = (secure: boolean) =>
  `${SESSION_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
