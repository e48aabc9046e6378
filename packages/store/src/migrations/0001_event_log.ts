/**
 * The event log, its Merkle tree and its checkpoints, for SQLite and PostgreSQL alike. Every table carries
 * agency_id: one deployment serves many agencies, each with its own log and tree. Hashes are lower-case hex.
 *
 * 全程留痕，有据可查: events, stored subtrees and checkpoints are append-only, and the database itself refuses
 * UPDATE and DELETE on them (and TRUNCATE, on PostgreSQL). log_heads, each log's size and the row its
 * appends lock, may only grow. A database superuser can still switch triggers off; what they then change
 * shows as a leaf hash that no longer matches its event, or as a tree that no longer extends a signed
 * checkpoint.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

const APPEND_ONLY = ["events", "merkle_nodes", "checkpoints"] as const;

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  // One row per agency: how many events its log holds, and the row its appends lock. The tree head is
  // computed from the stored subtrees, not kept here.
  yield* sql`CREATE TABLE log_heads (
    agency_id TEXT NOT NULL PRIMARY KEY,
    tree_size BIGINT NOT NULL CHECK (tree_size >= 0)
  )`;

  yield* sql`CREATE TABLE events (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    stream_version BIGINT NOT NULL CHECK (stream_version >= 1),
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    citations TEXT NOT NULL,
    payload TEXT NOT NULL,
    leaf_hash TEXT NOT NULL CHECK (length(leaf_hash) = 64),
    PRIMARY KEY (agency_id, leaf_index),
    UNIQUE (agency_id, stream_id, stream_version)
  )`;

  // Complete perfect subtrees of level >= 1 (level 0 is events.leaf_hash): node_index i at level l covers
  // leaves [i * 2^l, (i + 1) * 2^l).
  yield* sql`CREATE TABLE merkle_nodes (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    level INTEGER NOT NULL CHECK (level >= 1),
    node_index BIGINT NOT NULL CHECK (node_index >= 0),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    PRIMARY KEY (agency_id, level, node_index)
  )`;

  yield* sql`CREATE TABLE checkpoints (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    tree_size BIGINT NOT NULL CHECK (tree_size >= 0),
    root_hash TEXT NOT NULL CHECK (length(root_hash) = 64),
    signed_at TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (agency_id, tree_size)
  )`;

  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* sql`CREATE FUNCTION liuhen_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'liuhen: % on % refused: the table is append-only; a correction is a new event',
              TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
          END
        $$`;
        yield* sql`CREATE FUNCTION liuhen_log_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' OR NEW.tree_size < OLD.tree_size OR NEW.agency_id <> OLD.agency_id THEN
              RAISE EXCEPTION 'liuhen: % on log_heads refused: a log only grows', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
          END
        $$`;
        for (const table of APPEND_ONLY) {
          yield* sql`CREATE TRIGGER ${sql(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql(table)}
            FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_rewrite()`;
        }
        yield* sql`CREATE TRIGGER log_heads_only_grow BEFORE UPDATE OR DELETE ON log_heads
          FOR EACH ROW EXECUTE FUNCTION liuhen_log_only_grows()`;
        // Row triggers do not fire on TRUNCATE.
        for (const table of [...APPEND_ONLY, "log_heads"]) {
          yield* sql`CREATE TRIGGER ${sql(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql(table)}
            FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_rewrite()`;
        }
      }),
    orElse: () =>
      Effect.gen(function* () {
        const refuse = (what: string) =>
          sql.literal(
            `SELECT RAISE(ABORT, 'liuhen: ${what} refused: the table is append-only; a correction is a new event')`,
          );
        for (const table of APPEND_ONLY) {
          yield* sql`CREATE TRIGGER ${sql(`${table}_no_update`)} BEFORE UPDATE ON ${sql(table)}
            BEGIN ${refuse(`UPDATE on ${table}`)}; END`;
          yield* sql`CREATE TRIGGER ${sql(`${table}_no_delete`)} BEFORE DELETE ON ${sql(table)}
            BEGIN ${refuse(`DELETE on ${table}`)}; END`;
        }
        yield* sql`CREATE TRIGGER log_heads_only_grow BEFORE UPDATE ON log_heads
          WHEN NEW.tree_size < OLD.tree_size OR NEW.agency_id IS NOT OLD.agency_id
          BEGIN SELECT RAISE(ABORT, 'liuhen: UPDATE on log_heads refused: a log only grows'); END`;
        yield* sql`CREATE TRIGGER log_heads_no_delete BEFORE DELETE ON log_heads
          BEGIN SELECT RAISE(ABORT, 'liuhen: DELETE on log_heads refused: a log only grows'); END`;
      }),
  });
});
