/**
 * Who is signed in: the API's answer to `auth.me` for the session cookie the browser sent, asked once per
 * request (hooks.server.ts). The page never sees the cookie (HttpOnly); it does get the session's CSRF token,
 * which every form that changes something sends back (CsrfField) and the API checks.
 */
import { type RequestEvent, redirect } from "@sveltejs/kit";
import { api, SESSION_COOKIE } from "./api.js";
import { refusalOf } from "./refusal.js";

export interface SignedInUser {
  readonly accountId: string;
  readonly username: string;
  readonly displayName: string | null;
  readonly personId: string | null;
  readonly roles: ReadonlyArray<string>;
  readonly mustChangePassword: boolean;
  readonly csrfToken: string | null;
}

export const currentUser = async (event: RequestEvent): Promise<SignedInUser | null> => {
  if (event.cookies.get(SESSION_COOKIE) === undefined) return null;
  try {
    const me = await api(event).auth.me.query();
    return {
      accountId: me.accountId,
      username: me.username,
      displayName: me.displayName,
      personId: me.personId,
      roles: me.roles,
      mustChangePassword: me.mustChangePassword,
      csrfToken: me.csrfToken,
    };
  } catch (error) {
    // An expired, revoked or unknown session is nobody signed in.
    if (refusalOf(error)?.status === 401) return null;
    throw error;
  }
};

/** The signed-in user, or off to the sign-in page (and back here afterwards). */
export const requireUser = (event: RequestEvent): SignedInUser => {
  const { user } = event.locals;
  if (user === null) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  return user;
};

/** Where to go after signing in: a path on this site only, never another origin. */
export const safeNext = (next: string | null): string =>
  next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
