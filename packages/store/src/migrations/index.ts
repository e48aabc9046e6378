/**
 * One migration set for SQLite and PostgreSQL, applied when a store layer starts. On PostgreSQL the
 * migrator locks its table, so several servers starting at once apply each migration once.
 */
import { Migrator } from "@effect/sql";
import { Layer } from "effect";
import eventLog from "./0001_event_log.js";
import proceedingProjections from "./0002_proceeding_projections.js";
import accounts from "./0003_accounts.js";
import people from "./0004_people.js";
import notifications from "./0005_notifications.js";
import passwordChange from "./0006_password_change.js";
import publicIntake from "./0007_public_intake.js";
import personnelActions from "./0008_personnel_actions.js";
import spotChecks from "./0009_spot_checks.js";
import nonRecording from "./0010_non_recording.js";
import attestations from "./0011_attestations.js";
import attachments from "./0012_attachments.js";
import documents from "./0013_documents.js";
import statistics from "./0014_statistics.js";
import logHeadFrontier from "./0015_log_head_frontier.js";
import holidayYears from "./0016_holiday_years.js";

export const MIGRATIONS_TABLE = "liuhen_migrations";

const MIGRATIONS = {
  "0001_event_log": eventLog,
  "0002_proceeding_projections": proceedingProjections,
  "0003_accounts": accounts,
  "0004_people": people,
  "0005_notifications": notifications,
  "0006_password_change": passwordChange,
  "0007_public_intake": publicIntake,
  "0008_personnel_actions": personnelActions,
  "0009_spot_checks": spotChecks,
  "0010_non_recording": nonRecording,
  "0011_attestations": attestations,
  "0012_attachments": attachments,
  "0013_documents": documents,
  "0014_statistics": statistics,
  "0015_log_head_frontier": logHeadFrontier,
  "0016_holiday_years": holidayYears,
};

/** The migrations this version knows, in order. */
export const MIGRATION_NAMES: ReadonlyArray<string> = Object.keys(MIGRATIONS);

export const runMigrations = Migrator.make({})({
  loader: Migrator.fromRecord(MIGRATIONS),
  table: MIGRATIONS_TABLE,
});

/** Applies the migrations on start; provides nothing, so put it beneath the layers that use the tables. */
export const MigrationsLayer = Layer.effectDiscard(runMigrations);
