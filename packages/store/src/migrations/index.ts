/**
 * One migration set for SQLite and PostgreSQL, applied when a store layer starts. On PostgreSQL the
 * migrator locks its table, so several servers starting at once apply each migration once.
 */
import { Migrator } from "@effect/sql";
import { Layer } from "effect";
import eventLog from "./0001_event_log.js";

export const MIGRATIONS_TABLE = "liuhen_migrations";

export const runMigrations = Migrator.make({})({
  loader: Migrator.fromRecord({ "0001_event_log": eventLog }),
  table: MIGRATIONS_TABLE,
});

/** Applies the migrations on start; provides nothing, so put it beneath the layers that use the tables. */
export const MigrationsLayer = Layer.effectDiscard(runMigrations);
