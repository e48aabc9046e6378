/**
 * Accounts on every backend: changes are events in the agency's log with the `accounts` projection updated
 * in the same transaction, password hashes stay out of the log, sessions and tokens are kept only as
 * hashes and stop working when revoked, expired or disabled, the throttle counts per username and per
 * address, and a rebuild from the log reproduces the accounts table without touching the secrets. Each case
 * works on agencies of its own; the clock is the test clock (it starts at 1970-01-01T00:00:00Z).
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Layer, Option, Redacted, Schema, TestClock } from "effect";
import {
  type AccountId,
  Accounts,
  AgencyId,
  ApiTokens,
  accountsLayer,
  accountsProjection,
  decodeAccountEvent,
  EventLog,
  EventType,
  eventLeafHash,
  LoginThrottle,
  Merkle,
  newEvent,
  PersonId,
  Projections,
  proceedingsLayer,
  rebuildProjections,
  Sessions,
  StreamId,
  secretHash,
  Username,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const password = (text: string) => Redacted.make(text);
const username = Schema.decodeSync(Username);

const countRows = (table: string, agencyId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(table)} WHERE agency_id = ${agencyId}`,
      (rows) => Number(rows[0]?.n ?? 0),
    ),
  );

export const describeAccounts = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const store = () =>
    accountsLayer({
      sessions: { ttl: "1 hour" },
      loginThrottle: { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, window: "15 minutes" },
    }).pipe(
      Layer.provideMerge(proceedingsLayer({ projections: [accountsProjection] })),
      Layer.provideMerge(backend.store()),
    );

  const makeAccount = (
    agencyId: AgencyId,
    name: string,
    roles: ReadonlyArray<"handler" | "admin"> = ["handler"],
    mustChangePassword = false,
  ) =>
    Effect.flatMap(Accounts, (accounts) =>
      accounts.create({
        agencyId,
        username: username(name),
        personId: PersonId.make(`person-${name}`),
        displayName: null,
        roles,
        password: password(`${name}-correct-horse`),
        mustChangePassword,
        actor: "operator:test",
      }),
    );

  layer(store(), { timeout: "120 seconds" })(`accounts on ${backend.name}`, (it) => {
    it.effect(
      "an account is made by two events in its stream; the hash stays in credentials, never in the log",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const log = yield* EventLog;
          const agencyId = freshAgency("create");
          const accounts = yield* Accounts;
          const made = yield* accounts.create({
            agencyId,
            username: username("LiMing"),
            personId: PersonId.make("staff-0042"),
            displayName: null,
            roles: ["legal-officer", "handler", "handler"],
            password: password("correct horse battery staple"),
            mustChangePassword: true,
            actor: "operator:root",
          });
          expect([made.username, made.roles, made.status, made.version, made.personId]).toEqual([
            "liming",
            ["handler", "legal-officer"],
            "active",
            2,
            "staff-0042",
          ]);
          const events = yield* log.readStream(agencyId, StreamId.make(`account/${made.accountId}`));
          expect(events.map((e) => [e.type, e.actor])).toEqual([
            ["Account.Created", "operator:root"],
            ["Account.PasswordChanged", "operator:root"],
          ]);
          expect(events[1]?.payload).toEqual({
            _tag: "AccountPasswordChanged",
            accountId: made.accountId,
            how: "initial",
            mustChange: true,
          });
          expect(made.passwordChangedAt).toBe(events[1]?.occurredAt);
          expect(made.mustChangePassword).toBe(true);
          const [credential] = yield* sql<{ password_hash: string }>`SELECT password_hash FROM credentials
          WHERE agency_id = ${agencyId} AND account_id = ${made.accountId}`;
          expect(credential?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
          expect(JSON.stringify(events)).not.toContain("argon2");
          expect(JSON.stringify(events)).not.toContain("correct horse");
        }),
    );

    it.effect(
      "a username is taken once per agency, whatever its case; the refused account writes nothing",
      () =>
        Effect.gen(function* () {
          const accounts = yield* Accounts;
          const agencyId = freshAgency("taken");
          yield* makeAccount(agencyId, "wang");
          const before = yield* Effect.all([
            countRows("events", agencyId),
            countRows("credentials", agencyId),
          ]);
          const refused = yield* Effect.flip(
            accounts.create({
              agencyId,
              username: username("WANG"),
              personId: null,
              displayName: null,
              roles: [],
              password: password("another password"),
              mustChangePassword: true,
              actor: "operator:test",
            }),
          );
          expect(refused._tag).toBe("UsernameTaken");
          expect(
            yield* Effect.all([countRows("events", agencyId), countRows("credentials", agencyId)]),
          ).toEqual(before);
          // Another agency may have its own wang.
          yield* makeAccount(freshAgency("taken"), "wang");
        }),
    );

    it.effect(
      "authenticate opens an active account with its password only, at the same cost for no account",
      () =>
        Effect.gen(function* () {
          const accounts = yield* Accounts;
          const agencyId = freshAgency("auth");
          const zhao = yield* makeAccount(agencyId, "zhao");
          const ok = yield* accounts.authenticate(agencyId, "zhao", password("zhao-correct-horse"));
          expect(Option.map(ok, (a) => a.accountId)).toEqual(Option.some(zhao.accountId));
          expect(Option.isNone(yield* accounts.authenticate(agencyId, "zhao", password("wrong")))).toBe(true);
          expect(
            Option.isNone(yield* accounts.authenticate(agencyId, "nobody", password("zhao-correct-horse"))),
          ).toBe(true);
          expect(
            Option.isNone(
              yield* accounts.authenticate(freshAgency("none"), "zhao", password("zhao-correct-horse")),
            ),
          ).toBe(true);
          yield* accounts.disable({
            agencyId,
            accountId: zhao.accountId,
            actor: "operator:test",
            reason: "left",
          });
          expect(
            Option.isNone(yield* accounts.authenticate(agencyId, "zhao", password("zhao-correct-horse"))),
          ).toBe(true);
        }),
    );

    it.effect(
      "roles change by one event naming what was granted and revoked; a change of nothing is refused",
      () =>
        Effect.gen(function* () {
          const accounts = yield* Accounts;
          const log = yield* EventLog;
          const agencyId = freshAgency("roles");
          const sun = yield* makeAccount(agencyId, "sun");
          const changed = yield* accounts.changeRoles({
            agencyId,
            accountId: sun.accountId,
            actor: "account:admin-1",
            grant: ["head", "legal-officer"],
            revoke: ["handler", "committee"],
          });
          expect(changed.roles).toEqual(["legal-officer", "head"]);
          const [, , last] = yield* log.readStream(agencyId, StreamId.make(`account/${sun.accountId}`));
          expect([last?.type, last?.actor, last?.payload]).toEqual([
            "Account.RolesChanged",
            "account:admin-1",
            {
              _tag: "AccountRolesChanged",
              accountId: sun.accountId,
              granted: ["legal-officer", "head"],
              revoked: ["handler"],
              roles: ["legal-officer", "head"],
            },
          ]);
          const same = yield* Effect.flip(
            accounts.changeRoles({
              agencyId,
              accountId: sun.accountId,
              actor: "x",
              grant: ["head"],
              revoke: [],
            }),
          );
          expect(same._tag).toBe("NothingToChange");
          const missing = yield* Effect.flip(
            accounts.changeRoles({
              agencyId,
              accountId: "00000000-0000-4000-8000-000000000000" as AccountId,
              actor: "x",
              grant: ["head"],
              revoke: [],
            }),
          );
          expect(missing._tag).toBe("AccountNotFound");
        }),
    );

    it.effect(
      "sessions are kept as hashes, expire, and end when revoked; disabling ends them and tokens for good",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const accounts = yield* Accounts;
          const sessions = yield* Sessions;
          const tokens = yield* ApiTokens;
          const agencyId = freshAgency("sessions");
          const qian = yield* makeAccount(agencyId, "qian");

          const first = yield* sessions.open({ agencyId, accountId: qian.accountId, address: "10.0.0.1" });
          expect(first.maxAgeSeconds).toBe(3600);
          const stored = yield* sql<{
            session_hash: string;
          }>`SELECT session_hash FROM sessions WHERE agency_id = ${agencyId}`;
          expect(stored.map((r) => r.session_hash)).toEqual([secretHash(first.secret)]);
          const live = yield* sessions.resolve(first.secret);
          expect(Option.map(live, (s) => [s.accountId, s.csrfToken])).toEqual(
            Option.some([qian.accountId, first.csrfToken]),
          );
          yield* TestClock.adjust("61 minutes");
          expect(Option.isNone(yield* sessions.resolve(first.secret))).toBe(true);

          const second = yield* sessions.open({ agencyId, accountId: qian.accountId, address: null });
          yield* sessions.revoke(secretHash(second.secret));
          expect(Option.isNone(yield* sessions.resolve(second.secret))).toBe(true);

          const third = yield* sessions.open({ agencyId, accountId: qian.accountId, address: null });
          const token = yield* tokens.issue({ agencyId, accountId: qian.accountId, name: "laptop" });
          expect(Redacted.value(token.token)).toMatch(/^lht_[A-Za-z0-9_-]{43}$/);
          expect(Option.isSome(yield* tokens.resolve(token.token))).toBe(true);
          yield* accounts.disable({
            agencyId,
            accountId: qian.accountId,
            actor: "operator:test",
            reason: null,
          });
          expect(Option.isNone(yield* sessions.resolve(third.secret))).toBe(true);
          expect(Option.isNone(yield* tokens.resolve(token.token))).toBe(true);
          // Enabling the account again does not bring them back.
          yield* accounts.enable({ agencyId, accountId: qian.accountId, actor: "operator:test" });
          expect(Option.isNone(yield* sessions.resolve(third.secret))).toBe(true);
          expect(Option.isNone(yield* tokens.resolve(token.token))).toBe(true);
        }),
    );

    it.effect(
      "tokens are listed without secrets, revoked one by one by their holder, and noted when used",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const tokens = yield* ApiTokens;
          const agencyId = freshAgency("tokens");
          const zhou = yield* makeAccount(agencyId, "zhou");
          const wu = yield* makeAccount(agencyId, "wu");
          const a = yield* tokens.issue({ agencyId, accountId: zhou.accountId, name: "desk" });
          yield* TestClock.adjust("1 second");
          const b = yield* tokens.issue({ agencyId, accountId: zhou.accountId, name: "laptop" });
          const hashes = yield* sql<{ token_hash: string }>`SELECT token_hash FROM api_tokens
          WHERE agency_id = ${agencyId} ORDER BY created_at`;
          expect(hashes.map((r) => r.token_hash)).toEqual([secretHash(a.token), secretHash(b.token)]);

          yield* TestClock.adjust("2 minutes");
          yield* tokens.resolve(a.token);
          // Someone else's token is not theirs to revoke.
          const foreign = yield* Effect.flip(
            tokens.revoke({ agencyId, accountId: wu.accountId, tokenId: a.tokenId }),
          );
          expect(foreign._tag).toBe("TokenNotFound");
          yield* tokens.revoke({ agencyId, accountId: zhou.accountId, tokenId: b.tokenId });
          expect(Option.isNone(yield* tokens.resolve(b.token))).toBe(true);
          expect(Option.isSome(yield* tokens.resolve(a.token))).toBe(true);
          const again = yield* Effect.flip(
            tokens.revoke({ agencyId, accountId: zhou.accountId, tokenId: b.tokenId }),
          );
          expect(again._tag).toBe("TokenNotFound");
          const listed = yield* tokens.list({ agencyId, accountId: zhou.accountId });
          expect(listed.map((t) => [t.name, t.lastUsedAt !== null, t.revokedAt !== null])).toEqual([
            ["laptop", false, true],
            ["desk", true, false],
          ]);
          expect(JSON.stringify(listed)).not.toContain(Redacted.value(a.token));
          expect(Option.isNone(yield* tokens.resolve(Redacted.make("lht_not-a-token")))).toBe(true);
        }),
    );

    it.effect(
      "a new password opens the account, the old one no longer; other sessions and every token end",
      () =>
        Effect.gen(function* () {
          const accounts = yield* Accounts;
          const sessions = yield* Sessions;
          const tokens = yield* ApiTokens;
          const log = yield* EventLog;
          const agencyId = freshAgency("password");
          const zheng = yield* makeAccount(agencyId, "zheng");
          const here = yield* sessions.open({ agencyId, accountId: zheng.accountId, address: null });
          const there = yield* sessions.open({ agencyId, accountId: zheng.accountId, address: null });
          const token = yield* tokens.issue({ agencyId, accountId: zheng.accountId, name: "tui" });
          expect(
            yield* accounts.checkPassword(agencyId, zheng.accountId, password("zheng-correct-horse")),
          ).toBe(true);
          yield* accounts.setPassword({
            agencyId,
            accountId: zheng.accountId,
            actor: `account:${zheng.accountId}`,
            password: password("a brand new passphrase"),
            how: "changed-by-holder",
            mustChangePassword: false,
            keepSession: secretHash(here.secret),
          });
          expect(
            Option.isSome(
              yield* accounts.authenticate(agencyId, "zheng", password("a brand new passphrase")),
            ),
          ).toBe(true);
          expect(
            Option.isNone(yield* accounts.authenticate(agencyId, "zheng", password("zheng-correct-horse"))),
          ).toBe(true);
          expect(Option.isSome(yield* sessions.resolve(here.secret))).toBe(true);
          expect(Option.isNone(yield* sessions.resolve(there.secret))).toBe(true);
          expect(Option.isNone(yield* tokens.resolve(token.token))).toBe(true);
          const events = yield* log.readStream(agencyId, StreamId.make(`account/${zheng.accountId}`));
          expect(events.at(-1)?.payload).toEqual({
            _tag: "AccountPasswordChanged",
            accountId: zheng.accountId,
            how: "changed-by-holder",
            mustChange: false,
          });
        }),
    );

    it.effect(
      "throttles a username after N failures until the oldest leaves the window; a success resets it",
      () =>
        Effect.gen(function* () {
          const throttle = yield* LoginThrottle;
          const agencyId = freshAgency("throttle");
          const fail = (name: string, address: string) =>
            Effect.flatMap(throttle.begin({ agencyId, username: name, address }), (a) =>
              throttle.settle(a, "failed"),
            );
          // Three failures for feng from three addresses; the fourth attempt is refused, for a real or made-up name.
          for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
            yield* fail("feng", address);
            yield* TestClock.adjust("1 minute");
          }
          const refused = yield* Effect.flip(
            throttle.begin({ agencyId, username: "feng", address: "10.0.0.4" }),
          );
          expect(refused).toMatchObject({ _tag: "LoginThrottled", retryAfterSeconds: 12 * 60 });
          // Refused attempts are not counted: the lock ends when the first failure leaves the window.
          yield* TestClock.adjust("12 minutes");
          const next = yield* throttle.begin({ agencyId, username: "feng", address: "10.0.0.4" });
          yield* throttle.settle(next, "succeeded");
          // The success starts feng's count again.
          yield* TestClock.adjust("1 second");
          yield* fail("feng", "10.0.0.5");
          yield* fail("feng", "10.0.0.5");
          yield* fail("feng", "10.0.0.5");
          expect(
            (yield* Effect.flip(throttle.begin({ agencyId, username: "feng", address: "10.0.0.6" })))._tag,
          ).toBe("LoginThrottled");
          // Other names of the agency are untouched.
          yield* fail("chen", "10.0.0.7");
        }),
    );

    it.effect("throttles an address after M failures, whichever names and agencies it tries", () =>
      Effect.gen(function* () {
        const throttle = yield* LoginThrottle;
        const address = `192.0.2.${agencies}`;
        for (let i = 0; i < 5; i++) {
          const agencyId = freshAgency("spray");
          const a = yield* throttle.begin({ agencyId, username: `user${i}`, address });
          yield* throttle.settle(a, "failed");
        }
        const refused = yield* Effect.flip(
          throttle.begin({ agencyId: freshAgency("spray"), username: "someone", address }),
        );
        expect(refused._tag).toBe("LoginThrottled");
        // Another address is not held back.
        yield* throttle.begin({
          agencyId: freshAgency("spray"),
          username: "someone",
          address: "198.51.100.1",
        });
      }),
    );

    it.effect("a burst of concurrent guesses cannot slip more than N past the throttle", () =>
      Effect.gen(function* () {
        const throttle = yield* LoginThrottle;
        const agencyId = freshAgency("burst");
        const attempts = yield* Effect.forEach(
          Array.from({ length: 10 }, (_, i) => i),
          (i) =>
            throttle.begin({ agencyId, username: "target", address: `203.0.113.${i}` }).pipe(
              Effect.tap((a) => throttle.settle(a, "failed")),
              Effect.either,
            ),
          { concurrency: "unbounded" },
        );
        const results = attempts;
        expect(results.filter((r) => r._tag === "Right").length).toBeLessThanOrEqual(3);
      }),
    );

    it.effect("a rebuild from the log reproduces the accounts table and leaves the secrets alone", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const accounts = yield* Accounts;
        const agencyId = freshAgency("rebuild");
        const he = yield* makeAccount(agencyId, "he", ["admin"]);
        yield* TestClock.adjust("1 minute");
        yield* accounts.changeRoles({
          agencyId,
          accountId: he.accountId,
          actor: "x",
          grant: ["handler"],
          revoke: [],
        });
        yield* makeAccount(agencyId, "lv");
        yield* accounts.disable({ agencyId, accountId: he.accountId, actor: "x", reason: "moved" });
        const snapshot = () =>
          Effect.all([
            sql`SELECT * FROM accounts WHERE agency_id = ${agencyId} ORDER BY account_id`,
            sql`SELECT * FROM credentials WHERE agency_id = ${agencyId} ORDER BY account_id`,
          ]);
        const before = yield* snapshot();
        yield* sql`DELETE FROM accounts WHERE agency_id = ${agencyId}`;
        const report = yield* rebuildProjections(agencyId);
        expect(report.agencies).toEqual([{ agencyId, events: 6 }]);
        expect(yield* snapshot()).toEqual(before);
      }),
    );

    it.effect(
      "a password someone else set must be changed at next sign-in: a reset sets it, the holder's change clears it, a rebuild keeps it",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const accounts = yield* Accounts;
          const log = yield* EventLog;
          const agencyId = freshAgency("forced");
          const ma = yield* makeAccount(agencyId, "ma", ["handler"], true);
          expect(ma.mustChangePassword).toBe(true);
          const own = yield* accounts.setPassword({
            agencyId,
            accountId: ma.accountId,
            actor: `account:${ma.accountId}`,
            password: password("ma's own passphrase"),
            how: "changed-by-holder",
            mustChangePassword: false,
          });
          expect(own.mustChangePassword).toBe(false);
          const reset = yield* accounts.setPassword({
            agencyId,
            accountId: ma.accountId,
            actor: "account:admin-1",
            password: password("given by admin-1"),
            how: "reset",
            mustChangePassword: true,
          });
          expect(reset.mustChangePassword).toBe(true);
          const events = yield* log.readStream(agencyId, StreamId.make(`account/${ma.accountId}`));
          expect(events.map((e) => [e.type, (e.payload as { mustChange?: unknown }).mustChange])).toEqual([
            ["Account.Created", undefined],
            ["Account.PasswordChanged", true],
            ["Account.PasswordChanged", false],
            ["Account.PasswordChanged", true],
          ]);
          yield* makeAccount(agencyId, "niu");
          const flags = () =>
            Effect.map(
              sql<{ username: string; must_change_password: number | string }>`SELECT username,
                must_change_password FROM accounts WHERE agency_id = ${agencyId} ORDER BY username`,
              (rows) => rows.map((r) => [r.username, Number(r.must_change_password)]),
            );
          expect(yield* flags()).toEqual([
            ["ma", 1],
            ["niu", 0],
          ]);
          yield* sql`DELETE FROM accounts WHERE agency_id = ${agencyId}`;
          yield* rebuildProjections(agencyId);
          expect(yield* flags()).toEqual([
            ["ma", 1],
            ["niu", 0],
          ]);
          const found = yield* accounts.find(agencyId, ma.accountId);
          expect(Option.map(found, (a) => a.mustChangePassword)).toEqual(Option.some(true));
        }),
    );

    it.effect(
      "an Account.PasswordChanged written before mustChange existed decodes as no forced change, its stored payload and leaf hash unchanged",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const accounts = yield* Accounts;
          const log = yield* EventLog;
          const projections = yield* Projections;
          const agencyId = freshAgency("old-format");
          const gu = yield* makeAccount(agencyId, "gu", ["handler"], true);
          // The payload's Schema as it was before the field: what older logs hold.
          const OldPasswordChanged = EventType(
            "Account.PasswordChanged",
            Schema.Struct({
              _tag: Schema.Literal("AccountPasswordChanged"),
              accountId: Schema.String,
              how: Schema.String,
            }),
          );
          const oldPayload = {
            _tag: "AccountPasswordChanged",
            accountId: gu.accountId,
            how: "reset",
          } as const;
          const appended = yield* log.append(
            {
              agencyId,
              streamId: `account/${gu.accountId}`,
              expectedVersion: gu.version,
              events: [
                newEvent(OldPasswordChanged, { actor: "operator:old", citations: [], payload: oldPayload }),
              ],
            },
            projections.project,
          );
          const [old] = yield* log
            .readStream(agencyId, StreamId.make(`account/${gu.accountId}`))
            .pipe(Effect.map((events) => events.slice(2)));
          if (old === undefined) return yield* Effect.dieMessage("the old-format event was not stored");
          expect(old).toEqual(appended.events[0]);
          expect(old.payload).toEqual(oldPayload);
          expect(Merkle.toHex(eventLeafHash(old))).toBe(old.leafHash);
          expect(yield* decodeAccountEvent(old)).toEqual({ ...oldPayload, mustChange: false });
          const flag = () =>
            Effect.map(
              accounts.find(agencyId, gu.accountId),
              Option.map((a) => a.mustChangePassword),
            );
          expect(yield* flag()).toEqual(Option.some(false));
          yield* sql`DELETE FROM accounts WHERE agency_id = ${agencyId}`;
          yield* rebuildProjections(agencyId);
          expect(yield* flag()).toEqual(Option.some(false));
          // Still the same bytes after the rebuild read it.
          const [again] = (yield* log.readStream(agencyId, StreamId.make(`account/${gu.accountId}`))).slice(
            2,
          );
          expect(again).toEqual(old);
        }),
    );
  });
};
