/**
 * The public check of an official document (issue 8): the verification code printed in its footer, and
 * optionally the file someone holds, against the log. The file is hashed here and only its SHA-256 goes to
 * the API; no sign-in is needed, as anyone may hold a paper copy.
 */
import { createHash } from "node:crypto";
import { api } from "$lib/server/api.js";
import { refused, textFields } from "$lib/server/refusal.js";
import type { Actions } from "./$types.js";

// A document's PDF or DOCX is well under this; a larger upload is not one of ours.
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["code"]);
    const file = form.get("file");
    let sha256: string | undefined;
    if (file instanceof File && file.size > 0 && file.size <= MAX_FILE_BYTES) {
      sha256 = createHash("sha256")
        .update(new Uint8Array(await file.arrayBuffer()))
        .digest("hex");
    }
    try {
      const result = await api(event).documents.verify.query({
        code: values.code,
        ...(sha256 ? { sha256 } : {}),
      });
      return { result, fileGiven: sha256 !== undefined };
    } catch (error) {
      return refused(error, values);
    }
  },
};
