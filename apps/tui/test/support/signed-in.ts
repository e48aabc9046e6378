/**
 * A demo account signed in the way its holder would: the legal officer through the real `liuhen login`
 * (token kept in a config directory of the test's own), the others through a web session, to move a
 * proceeding along where a step is theirs and not the legal section's.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { type ApiClient, sessionClient } from "../../src/session/api-client.js";
import { readCredentials } from "../../src/session/credentials-file.js";
import type { DemoServer } from "./demo-server.js";
import { liuhenWithEnv } from "./liuhen.js";

export const AGENCY = "qianjiang-msa";

/** `liuhen login` as the demo's legal officer (fazhi); the config directory and the token it kept. */
export const loginAsLegalOfficer = (server: DemoServer) => {
  const config = mkdtempSync(join(tmpdir(), "liuhen-tui-config-"));
  const env = { ...process.env, LIUHEN_CONFIG_DIR: config };
  const run = liuhenWithEnv(
    `${server.passwords.fazhi}\n`,
    env,
    "login",
    "--server",
    server.url,
    "--agency",
    AGENCY,
    "--username",
    "fazhi",
    "--password-stdin",
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const credentials = readCredentials(join(config, "credentials.json"));
  if (credentials === null) throw new Error("liuhen login kept no token");
  return { config, env, token: credentials.token };
};

/** A web session of a demo account, for the steps of the head, the investigators, the committee. */
export const sessionOf = async (server: DemoServer, username: string): Promise<ApiClient> => {
  const { client, adoptCsrf } = sessionClient(server.url);
  const session = await client.auth.login.mutate({
    agency: AGENCY,
    username,
    password: server.passwords[username] ?? "",
  });
  adoptCsrf(session.csrfToken);
  return client;
};

/** Takes an accepted and reported proceeding to findings submitted, as the head and the investigator do. */
export const investigate = async (server: DemoServer, proceedingId: string): Promise<number> => {
  const head = await sessionOf(server, "juzhang");
  const investigator = await sessionOf(server, "diaocha");
  const read = await head.wrongCase.get.query({ proceedingId });
  const assigned = await head.wrongCase.assignTeam.mutate({
    proceedingId,
    expectedVersion: read.version,
    members: ["p-liuyang"],
  });
  const logged = await investigator.wrongCase.logInvestigation.mutate({
    proceedingId,
    expectedVersion: assigned.version,
    method: "file-review",
    summary: "调阅案卷及现场检查笔录",
  });
  const found = await investigator.wrongCase.submitFindings.mutate({
    proceedingId,
    expectedVersion: logged.version,
    confirmed: true,
    triggers: ["WC.5.1"],
    nature: "认定事实不清，证据不足",
    responsible: ["p-zhangwei"],
  });
  return found.version;
};
