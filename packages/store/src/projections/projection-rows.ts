/**
 * What a projection over one kind of record does each time it reads its own tables or applies an event:
 * decode the rows with their Schema, check that the event sits in the stream of the record it changes, and
 * that the record's row stands where the event expects it. Any of these failing means the tables are out of
 * step with the log (or with this code), not that a request was bad, so each answers `ProjectionOutOfStep`
 * naming the projection.
 */
import { Effect, Option, ParseResult, Schema } from "effect";
import type { RecordedEvent } from "../event-log/event.js";
import { ProjectionOutOfStep } from "./projection.js";

export interface ProjectionRows {
  /** The refusal for this projection: `streamId` is the stream (or the listing) concerned. */
  readonly outOfStep: (agencyId: string, streamId: string, detail: string) => ProjectionOutOfStep;
  /**
   * A decoder for rows of `schema`, compiled here once (compiling per query would build a new parser each
   * time); `row` names one row in the refusal, e.g. `a person row`.
   */
  readonly decodeRows: <A, I>(
    schema: Schema.Schema<A, I, never>,
    row: string,
  ) => (
    agencyId: string,
    streamId: string,
  ) => (rows: unknown) => Effect.Effect<ReadonlyArray<A>, ProjectionOutOfStep>;
  /**
   * The event sits in `streamId`, the stream of the record its payload names; `detail` says what the event
   * does, after "event <id>", e.g. `changes person p-1 from another person's stream`.
   */
  readonly checkStream: (
    event: RecordedEvent,
    streamId: string,
    detail: string,
  ) => Effect.Effect<void, ProjectionOutOfStep>;
  /**
   * The event follows `current`: the row is at the event's stream version − 1, or there is no row and the
   * event is its stream's first. `row` names the row in the refusal.
   */
  readonly checkVersion: (
    event: RecordedEvent,
    current: Option.Option<{ readonly version: number }>,
    row?: string,
  ) => Effect.Effect<void, ProjectionOutOfStep>;
}

export const projectionRows = (projection: string): ProjectionRows => {
  const outOfStep: ProjectionRows["outOfStep"] = (agencyId, streamId, detail) =>
    new ProjectionOutOfStep({ projection, agencyId, streamId, detail });

  return {
    outOfStep,
    decodeRows: (schema, row) => {
      const decode = Schema.decodeUnknown(Schema.Array(schema));
      return (agencyId, streamId) => (rows) =>
        decode(rows).pipe(
          Effect.mapError((error) =>
            outOfStep(
              agencyId,
              streamId,
              `${row} fails its Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
            ),
          ),
        );
    },
    checkStream: (event, streamId, detail) =>
      event.streamId === streamId
        ? Effect.void
        : Effect.fail(outOfStep(event.agencyId, event.streamId, `event ${event.id} ${detail}`)),
    checkVersion: (event, current, row = "its row") => {
      const version = Option.match(current, { onNone: () => 0, onSome: (found) => found.version });
      return version === event.streamVersion - 1
        ? Effect.void
        : Effect.fail(
            outOfStep(
              event.agencyId,
              event.streamId,
              `${row} is at version ${version}, but event ${event.id} is version ${event.streamVersion}`,
            ),
          );
    },
  };
};
