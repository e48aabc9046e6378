import type { IncomingMessage } from "node:http";
import type { Language } from "$lib/i18n/language.js";
import type { SignedInUser } from "$lib/server/session.js";

declare global {
  namespace App {
    interface Locals {
      lang: Language;
      /** Who the session cookie says is signed in (auth.me), or nobody. */
      user: SignedInUser | null;
      /** Set-Cookie headers the API sent while this request was handled, passed on to the browser. */
      apiCookies: Array<string>;
    }
    interface PageData {
      lang: Language;
      user: {
        readonly username: string;
        readonly displayName: string | null;
        readonly roles: ReadonlyArray<string>;
        readonly mustChangePassword: boolean;
      } | null;
      /** The session's CSRF token, sent back with every change (CsrfField). */
      csrf: string | null;
      /** The agency the public pages and the sign-in form speak for. */
      agency: string;
    }
    interface Platform {
      /**
       * The Node request adapter-node hands on; apps/server (web-endpoint.ts) puts the API's in-process
       * door on it. Absent under `vite dev`, where the pages call LIUHEN_API_URL over HTTP instead.
       */
      req: IncomingMessage & { liuhenApi?: (request: Request) => Promise<Response> };
    }
  }
}
