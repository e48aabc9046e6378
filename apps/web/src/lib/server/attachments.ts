/**
 * Files a form carries (IF.3 有据可查): each is stored through the server's `POST /attachments` with the
 * reader's session and CSRF token, and the step then names it by its SHA-256. A form without JavaScript can
 * send files this way too. A refusal (too large, not signed in) comes back as the API's refusal, beside the
 * form's file field.
 */
import type { RequestEvent } from "@sveltejs/kit";
import { SESSION_COOKIE } from "./api.js";
import type { Refusal } from "./refusal.js";

export class AttachmentRefused extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.en);
  }
}

interface StoredAnswer {
  readonly sha256?: unknown;
  readonly error?: {
    readonly data?: { readonly tag?: unknown; readonly zh?: unknown; readonly en?: unknown };
  };
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The files of `field` that were chosen (a file input left empty sends one nameless, empty file). */
export const filesOf = (form: FormData, field: string): ReadonlyArray<File> =>
  form.getAll(field).filter((value): value is File => value instanceof File && value.name !== "");

/** Stores each file; their SHA-256s, or AttachmentRefused naming `field`. */
export const storeFiles = async (
  event: RequestEvent,
  csrf: string,
  files: ReadonlyArray<File>,
  field: string,
): Promise<ReadonlyArray<string>> => {
  const stored: Array<string> = [];
  for (const file of files) {
    const session = event.cookies.get(SESSION_COOKIE);
    const response = await fetch(new URL("/attachments", event.url.origin), {
      method: "POST",
      headers: {
        ...(session === undefined ? {} : { cookie: `${SESSION_COOKIE}=${session}` }),
        "x-liuhen-csrf": csrf,
        "x-liuhen-filename": encodeURIComponent(file.name),
        "content-type": file.type || "application/octet-stream",
      },
      body: new Uint8Array(await file.arrayBuffer()),
    });
    const answer = (await response.json().catch(() => ({}))) as StoredAnswer;
    if (!response.ok || typeof answer.sha256 !== "string") {
      if (response.status >= 500) throw new Error(`POST /attachments answered ${response.status}`);
      const data = answer.error?.data;
      throw new AttachmentRefused(response.status, {
        tag: text(data?.tag),
        zh: text(data?.zh),
        en: text(data?.en),
        field,
      });
    }
    stored.push(answer.sha256);
  }
  return stored;
};
