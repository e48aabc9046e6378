/**
 * The staff directory (人员名录), a projection (src/people/person-projection.ts): derived from the `Person.*`
 * events, cleared and replayed by a rebuild, so no other table references it. Former staff keep their row
 * (`departed`), so the records that name them still resolve.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE people (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    position TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'departed')),
    departed_on TEXT,
    version BIGINT NOT NULL CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, person_id)
  )`;
});
