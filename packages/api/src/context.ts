/**
 * What every procedure gets: the Effect runtime with the services it runs over, where the request came
 * from, and who is asking (resolved by the server from the session cookie or the bearer token, before any
 * procedure runs).
 */
import type { Regimes, Role } from "@liuhen/domain";
import type {
  AccountId,
  AgencyId,
  EventLog,
  PersonId,
  Proceedings,
  StoreServices,
  TokenId,
} from "@liuhen/store";
import type { ManagedRuntime, Redacted } from "effect";
import type { CaseClock } from "./case-files/case-clock.js";

/** The services procedures may use; the server provides them by layers. */
export type ApiServices = Regimes | StoreServices | Proceedings | EventLog | CaseClock;

/**
 * The signed-in person: their account, its agency, the staff directory's id for them (what need-to-know
 * compares with a file's subjects and author, through the domain's `readAccess`), the roles they hold, and
 * whether they must change a password someone else set before doing anything else.
 */
export interface Caller {
  readonly accountId: AccountId;
  readonly agencyId: AgencyId;
  readonly personId: PersonId | null;
  readonly roles: ReadonlyArray<Role>;
  readonly mustChangePassword: boolean;
}

/** Whether a cookie-authenticated request carried its session's CSRF token in `x-liuhen-csrf`. */
export type CsrfCheck = "matches" | "missing" | "wrong";

/** How the caller proved who they are. */
export type Credential =
  | {
      readonly kind: "session";
      /** The SHA-256 of the session secret: how the server names the session (to sign it out). */
      readonly key: string;
      readonly csrfToken: string;
      readonly csrf: CsrfCheck;
    }
  | { readonly kind: "token"; readonly tokenId: TokenId };

/** What the server does to the response's session cookie when a procedure asks. */
export interface SessionCookieJar {
  readonly set: (secret: Redacted.Redacted<string>, maxAgeSeconds: number) => void;
  readonly clear: () => void;
}

export interface ApiContext {
  readonly runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>;
  /** The caller's address, for throttling and the log. */
  readonly address: string | null;
  /** Null for an anonymous request, or one whose session or token is unknown, expired, revoked or disabled. */
  readonly caller: Caller | null;
  readonly credential: Credential | null;
  readonly sessionCookie: SessionCookieJar;
}

/** A context for a caller without cookies, in process (tests, scripts): nobody signed in, no cookie to set. */
export const anonymousContext = (
  runtime: ApiContext["runtime"],
  address: string | null = null,
): ApiContext => ({
  runtime,
  address,
  caller: null,
  credential: null,
  sessionCookie: { set: () => {}, clear: () => {} },
});
