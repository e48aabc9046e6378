/**
 * The right edge of each agency's tree kept beside its size (src/event-log/event-log.ts): an append reads it
 * with the head row it locks, instead of looking up the edge's subtrees in `events` and `merkle_nodes`.
 * Written as `<tree size>:<hex hashes of the edge, largest subtree first>`; derived data, so NULL (every
 * row before this migration, a log imported or created by a checkpoint) or a size that is not the head's
 * means "look the edge up", and the next append writes it.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`ALTER TABLE log_heads ADD COLUMN frontier TEXT`;
});
