/**
 * Whether an account must change its password at its next sign-in: set when an administrator or the operator
 * chose the password (they saw it), cleared when the holder changes it. Part of the `accounts` projection,
 * derived from the `mustChange` of the account's last `Account.PasswordChanged` (absent, hence 0, in events
 * written before this migration, so existing rows start at 0, as a rebuild would make them).
 *
 * An integer 0/1 rather than BOOLEAN: the SQLite driver binds no booleans, and one column type serves both.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1))`;
});
