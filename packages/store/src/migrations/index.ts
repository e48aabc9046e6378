/**
 * One migration set for SQLite and PostgreSQL, applied when a store layer starts. On PostgreSQL the
 * migrator locks its table, so several servers starting at once apply each migration once.
 */
import { Migrator } from "@effect/sql";
import { Layer } from "effect";
import eventLog from "./0001_event_log.js";
import proceedingProjections from "./0002_proceeding_projections.js";
import accounts from "./0003_accounts.js";

export const MIGRATIONS_TABLE = "liuhen_migrations";

const MIGRATIONS = {
  "0001_event_log": eventLog,
  "0002_proceeding_projections": proceedingProjections,
  "0003_accounts": accounts,
};

/** The migrations this version knows, in order. */
export const MIGRATION_NAMES: ReadonlyArray<string> = Object.keys(MIGRATIONS);

export const runMigrations = Migrator.make({})({
  loader: Migrator.fromRecord(MIGRATIONS),
  table: MIGRATIONS_TABLE,
});

/** Applies the migrations on start; provides nothing, so put it beneath the layers that use the tables. */
export const MigrationsLayer = Layer.effectDiscard(runMigrations);
