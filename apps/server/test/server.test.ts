/**
 * The one server process on a random port with a real SQLite file: health, the public regulation
 * procedures over HTTP, errors that name the field in Chinese and English, and a clean shutdown.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppRouter } from "@liuhen/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.js";

let dir: string;
let server: RunningServer;
let client: ReturnType<typeof createTRPCClient<AppRouter>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "liuhen-server-"));
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: { kind: "sqlite", filename: join(dir, "liuhen.db") },
    keyDirectory: join(dir, "keys"),
  });
  client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
  }
  throw new Error("expected the call to fail");
};

describe("the server", () => {
  it("answers /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("WC.10.1: assesses a request of the domain's contract over tRPC", async () => {
    const result = await client.domain.assess.query({
      kind: "period",
      period: "WC.10.1",
      start: "2024-09-27",
    });
    expect(result).toMatchObject({ kind: "period", due: "2024-09-30", citations: ["WC.10.1"] });
  });

  it("WC.6: a bad request fails with a stable tag, the field, and messages in Chinese and English", async () => {
    const error = await failure(
      client.domain.assess.query({
        kind: "wrong-case",
        case: { kind: "administrative-penalty" },
        triggers: ["WC.5.1"],
        confirmed: true,
        officers: [{ id: "o1", conduct: ["WC.6.12"] }],
      }),
    );
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      tag: "InvalidRequest",
      zh: "请求内容不符合要求",
      en: "The request does not fit the contract",
      field: ["officers", 0, "conduct", 0],
    });
    expect(error.message).toContain("officers[0].conduct[0]");
    expect(JSON.stringify(error.shape)).not.toMatch(/stack|\.ts:\d+/);
  });

  it("IF.12b: shows the text behind a citation id, with the note on the duplicate 第十二条", async () => {
    const article = await client.domain.article.query({ id: "IF.12b" });
    expect(article).toMatchObject({ heading: "第十二条", note: expect.stringContaining("两个“第十二条”") });
    expect(article.text).toContain("不记录或者不如实记录");
  });

  it("refuses a malformed citation id at input, naming the field", async () => {
    const error = await failure(client.domain.article.query({ id: "WC-6" }));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", tag: "InvalidInput", field: ["id"] });
  });

  it("WC.14: an id the regime does not have is NOT_FOUND", async () => {
    const error = await failure(client.domain.article.query({ id: "WC.14" }));
    expect(error.data).toMatchObject({ code: "NOT_FOUND", tag: "NotFound" });
  });

  it("WC.13: describes the regime in force, its document and policy", async () => {
    const regime = await client.domain.regime.query({});
    expect(regime).toMatchObject({
      id: "qianjiang-msa-2020",
      documentNumber: "黔江市监发〔2020〕95号",
      validFrom: "2020-12-30",
      policy: { version: "default@1", nature: "policy" },
    });
  });
});

describe("the server process", () => {
  it("logs as JSON and stops cleanly on SIGTERM", async () => {
    const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
    const data = mkdtempSync(join(tmpdir(), "liuhen-main-"));
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: "0", LIUHEN_DATA_DIR: data },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const listening = await new Promise<{ port: number }>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
      const timer = setInterval(() => {
        const line = out.split("\n").find((l) => l.includes('"listening"'));
        if (line) {
          clearInterval(timer);
          resolve(JSON.parse(line).annotations);
        }
      }, 50);
    });
    const res = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(["listening", "request", "stopped"]));
    rmSync(data, { recursive: true, force: true });
  });
});
