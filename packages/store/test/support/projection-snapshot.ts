/** Every row of the projection tables, in key order, for comparing live tables with rebuilt ones. */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

const TABLES = [
  ["wrong_case_proceedings", "agency_id, stream_id"],
  ["interference_records", "agency_id, stream_id"],
  ["deadlines", "agency_id, stream_id, period"],
  ["people", "agency_id, person_id"],
  ["notifications", "agency_id, notification_id"],
] as const;

export const snapshotProjections = (agencies?: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const snapshot: Record<string, ReadonlyArray<unknown>> = {};
    for (const [table, order] of TABLES) {
      snapshot[table] = yield* sql`SELECT * FROM ${sql(table)}
        ${agencies === undefined ? sql`` : sql`WHERE ${sql.in("agency_id", agencies)}`}
        ORDER BY ${sql.literal(order)}`;
    }
    return snapshot;
  });
