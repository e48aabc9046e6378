/**
 * A store over any SqlClient: migrations applied on start, the checkpoint signer with its key directory,
 * and the event log. `sqlite/` and `postgres/` put a client beneath it.
 */
import type { SqlClient } from "@effect/sql";
import type { MigrationError } from "@effect/sql/Migrator";
import type { SqlError } from "@effect/sql/SqlError";
import { Layer } from "effect";
import { CheckpointSigner } from "./checkpoint/checkpoint-signer.js";
import type { SigningKeyUnusable } from "./event-log/errors.js";
import { EventLog } from "./event-log/event-log.js";
import type { AgencyId } from "./event-log/identifiers.js";
import { MigrationsLayer } from "./migrations/index.js";

export interface StoreOptions {
  /** Where each agency's Ed25519 checkpoint key lives (`<agency>.ed25519.pem`, mode 0600): not the database. */
  readonly keyDirectory: string;
  /** Agencies whose keys are made or checked at start. */
  readonly agencies?: ReadonlyArray<AgencyId> | undefined;
}

export type StoreError = SqlError | MigrationError | SigningKeyUnusable;

export const storeLayer = (options: StoreOptions): Layer.Layer<EventLog, StoreError, SqlClient.SqlClient> =>
  EventLog.layer.pipe(
    Layer.provide(
      Layer.merge(
        MigrationsLayer,
        CheckpointSigner.layer({ directory: options.keyDirectory, agencies: options.agencies }),
      ),
    ),
  );
