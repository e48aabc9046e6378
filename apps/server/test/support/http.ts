/**
 * tRPC over plain HTTP, as a browser or the terminal UI speaks it, so each test controls and sees the
 * cookies and headers: a query is GET /trpc/<path>?input=…, a mutation POST /trpc/<path> with a JSON body.
 */

/** Who a request speaks as: a session cookie (with or without its CSRF token), a bearer token, or nobody. */
export interface Speaker {
  readonly cookie?: string | undefined;
  readonly csrf?: string | undefined;
  readonly bearer?: string | undefined;
  /** The client address the test server is told (X-Forwarded-For). */
  readonly address?: string | undefined;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The procedure's result, when it succeeded. */
  readonly data: unknown;
  /** tRPC's error, when it failed: its code, Liuhen's tag, the field and both languages. */
  readonly error: {
    readonly message: string;
    readonly code: string;
    readonly tag: string;
    readonly field: ReadonlyArray<string | number> | null;
    readonly zh: string;
    readonly en: string;
  } | null;
  readonly body: string;
}

export type Kind = "query" | "mutation";

/** The headers a request carries for its speaker: cookie and CSRF token, bearer token, client address. */
export const headersOf = (who: Speaker): Record<string, string> => ({
  ...(who.cookie === undefined ? {} : { cookie: who.cookie }),
  ...(who.csrf === undefined ? {} : { "x-liuhen-csrf": who.csrf }),
  ...(who.bearer === undefined ? {} : { authorization: `Bearer ${who.bearer}` }),
  "x-forwarded-for": who.address ?? "198.18.0.1",
});

/** A file uploaded as `who` (`POST /attachments`); its SHA-256 and the status. */
export const uploadFile = async (
  baseUrl: string,
  who: Speaker,
  content: Uint8Array,
  name: string,
  mediaType: string,
) => {
  const res = await fetch(new URL("/attachments", baseUrl), {
    method: "POST",
    headers: { ...headersOf(who), "x-liuhen-filename": encodeURIComponent(name), "content-type": mediaType },
    body: content,
  });
  return { status: res.status, sha256: ((await res.json()) as { sha256?: string }).sha256 ?? "" };
};

export const call = async (
  baseUrl: string,
  kind: Kind,
  path: string,
  input: unknown,
  who: Speaker = {},
): Promise<Answer> => {
  const headers = headersOf(who);
  const url = new URL(`/trpc/${path}`, baseUrl);
  let res: Response;
  if (kind === "query") {
    if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    res = await fetch(url, { headers });
  } else {
    headers["content-type"] = "application/json";
    res = await fetch(url, {
      method: "POST",
      headers,
      body: input === undefined ? "" : JSON.stringify(input),
    });
  }
  const body = await res.text();
  const json = JSON.parse(body) as {
    result?: { data: unknown };
    error?: { message: string; data: { code: string; tag: string; field: unknown; zh: string; en: string } };
  };
  return {
    status: res.status,
    headers: res.headers,
    body,
    data: json.result?.data,
    error:
      json.error === undefined
        ? null
        : {
            message: json.error.message,
            code: json.error.data.code,
            tag: json.error.data.tag,
            field: json.error.data.field as ReadonlyArray<string | number> | null,
            zh: json.error.data.zh,
            en: json.error.data.en,
          },
  };
};

/** The `name=value` part of the response's session cookie, as a browser would send it back. */
export const sessionCookieOf = (answer: Answer): string | undefined =>
  answer.headers
    .getSetCookie()
    .find((c) => c.startsWith("liuhen_session="))
    ?.split(";")[0];

export interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
  readonly address: string;
  readonly accountId: string;
}

export const signIn = async (
  baseUrl: string,
  credentials: { agency: string; username: string; password: string },
  address = "198.18.0.1",
): Promise<SignedIn> => {
  const answer = await call(baseUrl, "mutation", "auth.login", credentials, { address });
  const cookie = sessionCookieOf(answer);
  if (answer.error !== null || cookie === undefined) {
    throw new Error(`sign-in of ${credentials.username} failed: ${answer.body}`);
  }
  const data = answer.data as { csrfToken: string; account: { accountId: string } };
  return { cookie, csrf: data.csrfToken, address, accountId: data.account.accountId };
};

/**
 * Signs in with a password someone else set (an administrator, the operator) and replaces it with the
 * holder's own, as the server requires before anything else; the same session goes on.
 */
export const signInChangingPassword = async (
  baseUrl: string,
  credentials: { agency: string; username: string; password: string },
  newPassword: string,
  address = "198.18.0.1",
): Promise<SignedIn> => {
  const session = await signIn(baseUrl, credentials, address);
  const changed = await call(
    baseUrl,
    "mutation",
    "auth.changePassword",
    { currentPassword: credentials.password, newPassword },
    session,
  );
  if (changed.error !== null) {
    throw new Error(`the password change of ${credentials.username} failed: ${changed.body}`);
  }
  return session;
};
