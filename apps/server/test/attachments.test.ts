/**
 * Files attached to investigation acts (WC.10.2 调阅有关案件材料、询问执法责任人、了解核实有关情况) over HTTP, on
 * SQLite and PostgreSQL: an investigator uploads a file and logs an act that rests on it; the legal officer
 * downloads it byte for byte under its name; need-to-know keeps it from the officer the report names (404, as
 * for a file never stored); uploads are signed in as tRPC changes are and bounded in size; a step naming a
 * file that is not there writes nothing; bytes changed in the database are refused; and the log, which
 * commits to each file by its SHA-256, still verifies offline.
 */
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, headersOf, type SignedIn, type Speaker, signIn } from "./support/http.js";
import { exportAndVerify } from "./support/liuhen-cli.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import {
  assembleCast,
  type Cast,
  driveTo,
  type Position,
  staffAccount,
  step,
  target,
} from "./support/wrong-case-driver.js";

const LIMIT = 10 * 1024 * 1024;
const PHOTO_NAME = "现场照片.jpg";

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Uploaded {
  readonly status: number;
  readonly body: {
    readonly sha256?: string;
    readonly size?: number;
    readonly mediaType?: string;
    readonly name?: string;
    readonly error?: { readonly data: { readonly tag: string; readonly field: unknown } };
  };
}

describeOnDatabases("WC.10.2 files attached to investigation acts", (database) => {
  let test: TestServer;
  let url: string;
  let cast: Cast;
  let root: SignedIn;
  let officer: SignedIn;
  const ADDRESS = "198.51.100.31";

  beforeAll(async () => {
    test = await startTestServer({}, { database });
    url = test.server.url;
    root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
    cast = await assembleCast(url, root, ADDRESS);
    // The officer the report names holds the legal section's role too: need-to-know must still shut them out.
    officer = await staffAccount(
      url,
      root,
      { username: "officer-a", personId: "person-officer-a", roles: ["handler", "legal-officer"] },
      ADDRESS,
    );
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  const upload = async (
    who: Speaker,
    content: Uint8Array,
    name: string | null = PHOTO_NAME,
    headers: Record<string, string> = { "content-type": "image/jpeg" },
  ): Promise<Uploaded> => {
    const res = await fetch(new URL("/attachments", url), {
      method: "POST",
      headers: {
        ...headersOf(who),
        ...(name === null ? {} : { "x-liuhen-filename": encodeURIComponent(name) }),
        ...headers,
      },
      body: content,
    });
    return { status: res.status, body: (await res.json()) as Uploaded["body"] };
  };

  const download = (who: Speaker, sha256: string) =>
    fetch(new URL(`/attachments/${sha256}`, url), { headers: headersOf(who) });

  const tagOf = async (res: Response) =>
    ((await res.json()) as { error: { data: { tag: string } } }).error.data.tag;

  /** A proceeding whose investigation is under way, and a file the investigator uploaded for it. */
  const investigationWithFile = async (bytes: Uint8Array = randomBytes(64 * 1024)) => {
    const at = await driveTo(url, cast, "team-assigned");
    const uploaded = await upload(cast.investigator, bytes);
    expect(uploaded.status).toBe(201);
    return { at, bytes, sha256: uploaded.body.sha256 as string };
  };

  const logWith = (at: Position, attachments: ReadonlyArray<Record<string, unknown>>) =>
    call(
      url,
      "mutation",
      "wrongCase.logInvestigation",
      { ...target(at), method: "verification", summary: "现场核实，拍摄照片", attachments },
      cast.investigator,
    );

  const rows = async () => [await test.count("events"), await test.count("attachments")];

  it("WC.10.2: an investigator's file, logged with an act, downloads for the legal officer byte for byte under its name", async () => {
    const at = await driveTo(url, cast, "team-assigned");
    const bytes = randomBytes(64 * 1024);
    const uploaded = await upload(cast.investigator, bytes);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      sha256: sha256Of(bytes),
      size: bytes.byteLength,
      mediaType: "image/jpeg",
      name: PHOTO_NAME,
    });
    // The same bytes again: nothing new is stored, the answer is the same.
    const again = await upload(cast.investigator, bytes, "另存为.jpg");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(uploaded.body);

    // What the client says of the file beyond its hash is not taken: the store's name, type and size are.
    const logged = await logWith(at, [{ sha256: sha256Of(bytes), name: "伪造.exe", size: 1 }]);
    expect(logged.error).toBeNull();
    const file = await call(url, "query", "wrongCase.get", { proceedingId: at.proceedingId }, cast.legal);
    const state = (file.data as { state: { rounds: Array<{ log: Array<{ attachments: unknown }> }> } }).state;
    expect(state.rounds[0]?.log[0]?.attachments).toEqual([uploaded.body]);

    const res = await download(cast.legal, sha256Of(bytes));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(PHOTO_NAME)}`);
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)?.[1] ?? "")).toBe(PHOTO_NAME);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");

    // The investigator who stored it reads it too.
    expect((await download(cast.investigator, sha256Of(bytes))).status).toBe(200);
  });

  it("need-to-know: the officer the report names gets 404, as do staff without access; nobody signed in gets 401", async () => {
    const { at, sha256 } = await investigationWithFile();
    expect((await logWith(at, [{ sha256 }])).error).toBeNull();
    const never = await download(cast.legal, "0".repeat(64));
    expect(never.status).toBe(404);
    const neverBody = await never.text();

    // The subject (who holds the legal officer's role too), the committee before the file reaches it, the
    // administrator: the same answer as for a file never stored.
    for (const who of [officer, cast.committee, root]) {
      const res = await download(who, sha256);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(neverBody);
    }
    expect((await download(cast.legal, "not-a-hash")).status).toBe(404);

    const anonymous = await download({}, sha256);
    expect(anonymous.status).toBe(401);
    expect(await tagOf(anonymous)).toBe("Unauthenticated");
  });

  it("someone storing the same bytes gets back their own name, not the first uploader's", async () => {
    const bytes = randomBytes(4096);
    expect((await upload(cast.investigator, bytes, "举报人王五提供.jpg")).status).toBe(201);
    const mine = await upload(cast.legal, bytes, "材料.jpg");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ sha256: sha256Of(bytes), name: "材料.jpg" });
    const res = await download(cast.legal, sha256Of(bytes));
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("材料.jpg"));
  });

  it("uploads need a signed-in caller: 401 anonymous, 403 a cookie without its CSRF token or a password to change", async () => {
    const before = await rows();
    const bytes = randomBytes(1024);
    const anonymous = await upload({}, bytes);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.data.tag).toBe("Unauthenticated");
    const noCsrf = await upload({ cookie: cast.investigator.cookie, address: ADDRESS }, bytes);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error?.data.tag).toBe("CsrfMismatch");
    const wrongCsrf = await upload({ ...cast.investigator, csrf: "x".repeat(43) }, bytes);
    expect(wrongCsrf.status).toBe(403);
    expect(wrongCsrf.body.error?.data.tag).toBe("CsrfMismatch");

    // A password the administrator chose must be changed first.
    const made = await call(
      url,
      "mutation",
      "admin.createAccount",
      {
        username: "new-investigator",
        roles: ["investigator"],
        personId: "person-new",
        password: "given-passphrase-12345",
      },
      root,
    );
    expect(made.error).toBeNull();
    const fresh = await signIn(
      url,
      { agency: AGENCY, username: "new-investigator", password: "given-passphrase-12345" },
      ADDRESS,
    );
    const unchanged = await upload(fresh, bytes);
    expect(unchanged.status).toBe(403);
    expect(unchanged.body.error?.data.tag).toBe("PasswordChangeRequired");
    // The account's creation was logged; no file was stored.
    expect(await test.count("attachments")).toBe(before[1]);

    // A bearer token needs no CSRF token: a browser never sends one by itself.
    const token = await call(url, "mutation", "auth.createToken", { name: "调查组-PC" }, cast.investigator);
    const bearer = { bearer: (token.data as { token: string }).token, address: ADDRESS };
    const byToken = await upload(bearer, bytes, "询问笔录.pdf", {
      "content-type": "application/pdf; charset=binary",
    });
    expect(byToken.status).toBe(201);
    expect(byToken.body).toMatchObject({ mediaType: "application/pdf", name: "询问笔录.pdf" });
    expect((await download(bearer, sha256Of(bytes))).status).toBe(200);
  });

  it("a missing or bad file name or media type is refused naming the header, and nothing is stored", async () => {
    const before = await rows();
    const cases: ReadonlyArray<readonly [string | null, Record<string, string>, string]> = [
      [null, { "content-type": "image/jpeg" }, "x-liuhen-filename"],
      ["../../etc/passwd", { "content-type": "image/jpeg" }, "x-liuhen-filename"],
      ["名".repeat(201), { "content-type": "image/jpeg" }, "x-liuhen-filename"],
      ["a.jpg", { "content-type": "image/jpeg", "x-liuhen-filename": "%E7%8E" }, "x-liuhen-filename"],
      ["a.jpg", { "content-type": "jpeg" }, "content-type"],
    ];
    for (const [name, headers, field] of cases) {
      const answer = await upload(cast.investigator, randomBytes(16), name, headers);
      expect(answer.status, JSON.stringify([name, headers])).toBe(400);
      expect(answer.body.error?.data).toMatchObject({ tag: "InvalidInput", field: [field] });
    }
    expect(await rows()).toEqual(before);
  });

  /** Sends headers and as much body as the server will take, by plain HTTP; the server's status. */
  const rawUpload = (declaredLength: number | null, bytesToSend: number) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL("/attachments", url), {
        method: "POST",
        headers: {
          ...headersOf(cast.investigator),
          "content-type": "application/octet-stream",
          "x-liuhen-filename": encodeURIComponent("过大.bin"),
          ...(declaredLength === null ? {} : { "content-length": String(declaredLength) }),
        },
      });
      req.on("response", (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, 7);
      let sent = 0;
      const pump = () => {
        while (sent < bytesToSend) {
          const part = chunk.subarray(0, Math.min(chunk.length, bytesToSend - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once("drain", pump);
        }
        // With a declared length the body is never finished: the server must answer without it.
        if (declaredLength === null) req.end();
      };
      if (declaredLength === null) pump();
      else req.flushHeaders();
    });

  it("a file over LIUHEN_MAX_ATTACHMENT_BYTES (10 MiB) is refused with 413, and nothing is stored", async () => {
    const before = await rows();
    // Declared too large: refused before a byte of it is read.
    expect(await rawUpload(LIMIT + 1, 0)).toBe(413);
    // Sent without a length: refused once the limit is passed.
    expect(await rawUpload(null, LIMIT + 64 * 1024)).toBe(413);
    expect(await rows()).toEqual(before);
    // Exactly the limit is taken.
    const largest = Buffer.alloc(LIMIT, 1);
    const taken = await upload(cast.investigator, largest, "扫描件.pdf", {
      "content-type": "application/pdf",
    });
    expect(taken.status).toBe(201);
    expect(taken.body.size).toBe(LIMIT);
  });

  it("a step naming a file that is not there, or one the caller may not use, is refused naming the field; nothing is written", async () => {
    const { at, sha256 } = await investigationWithFile();
    // The legal officer stored this one, and no file the investigator reads references it.
    const theirs = randomBytes(512);
    expect((await upload(cast.legal, theirs, "法治科材料.docx")).status).toBe(201);
    const before = await rows();
    for (const [attachments, at0] of [
      [[{ sha256: "e".repeat(64) }], 0],
      [[{ sha256 }, { sha256: sha256Of(theirs) }], 1],
    ] as const) {
      const refused = await logWith(at, attachments);
      expect(refused.error).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        tag: "UnknownAttachment",
        field: ["attachments", at0, "sha256"],
      });
    }
    const malformed = await logWith(at, [{ sha256: "E".repeat(64) }]);
    expect(malformed.error).toMatchObject({ tag: "InvalidInput", field: ["attachments", 0, "sha256"] });
    const twice = await logWith(at, [{ sha256 }, { sha256 }]);
    expect(twice.error).toMatchObject({ tag: "InvalidInput", field: ["attachments", 1, "sha256"] });
    expect(await rows()).toEqual(before);
    // Without attachments the act is logged as before.
    expect(
      await step(url, cast.investigator, "logInvestigation", at, {
        method: "file-review",
        summary: "调阅案卷",
      }),
    ).toMatchObject({
      version: at.version + 1,
    });
  });

  it("bytes changed in the database are refused on download with AttachmentAltered, never served", async () => {
    const { at, sha256 } = await investigationWithFile(Buffer.from("询问笔录：当事人承认未出示执法证件"));
    expect((await logWith(at, [{ sha256 }])).error).toBeNull();
    // An intruder cannot rewrite the row (UPDATE is refused), but can delete it and write another.
    const forged = Buffer.from("询问笔录：当事人否认");
    await Effect.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.gen(function* () {
          const refused = yield* Effect.either(
            sql`UPDATE attachments SET content = ${forged} WHERE sha256 = ${sha256}`,
          );
          expect(refused._tag).toBe("Left");
          const [row] = yield* sql<Record<string, unknown>>`SELECT agency_id, sha256, media_type, name,
            uploaded_by, uploaded_at FROM attachments WHERE sha256 = ${sha256}`;
          yield* sql`DELETE FROM attachments WHERE sha256 = ${sha256}`;
          yield* sql`INSERT INTO attachments ${sql.insert({ ...row, size: forged.byteLength, content: forged })}`;
        }),
      ).pipe(Effect.provide(test.database.store())),
    );
    for (const who of [cast.legal, cast.investigator]) {
      const res = await download(who, sha256);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ error: { data: { tag: "AttachmentAltered" } } });
      expect(body).not.toContain("否认");
    }
    // Still nothing for those who may not read it: not even that something is wrong.
    expect((await download(officer, sha256)).status).toBe(404);
  });

  it("the log, committing to each file by its SHA-256, verifies offline with liuhen verify", async () => {
    const { at, sha256 } = await investigationWithFile();
    expect((await logWith(at, [{ sha256 }])).error).toBeNull();
    const { lines, report } = await exportAndVerify(test);
    const acts = lines.filter((line) => line.includes('"WrongCase.InvestigationLogged"'));
    expect(acts.some((line) => line.includes(sha256) && line.includes(PHOTO_NAME))).toBe(true);
    expect(report).toMatchObject({
      _tag: "Verified",
      treeSize: await test.count("events"),
    });
  });
});
