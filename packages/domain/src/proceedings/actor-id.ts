/**
 * Who took a step: an opaque id of a staff member, a body or a role holder. Ids are issued elsewhere
 * (accounts, the agency's directory); the machines only record them.
 */
import { Schema } from "effect";

export const ActorId = Schema.NonEmptyTrimmedString.pipe(Schema.annotations({ identifier: "ActorId" }));
export type ActorId = typeof ActorId.Type;
