/** Failures that belong to the API itself: who may call what. Domain and store failures keep their own tags. */
import { Schema } from "effect";

export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", {
  message: Schema.String,
}) {}

export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
}) {}

/**
 * The caller's password was set by someone else (an administrator or the operator, who saw it): until they
 * change it with `auth.changePassword`, they may only see who they are and sign out.
 */
export class PasswordChangeRequired extends Schema.TaggedError<PasswordChangeRequired>()(
  "PasswordChangeRequired",
  { message: Schema.String },
) {}

export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  message: Schema.String,
  what: Schema.String,
}) {}

/** Input that failed its Schema: `path` names the field. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
}) {}

/** A step dated after today (Beijing time). */
export class StepDateInFuture extends Schema.TaggedError<StepDateInFuture>()("StepDateInFuture", {
  message: Schema.String,
  field: Schema.Literal("date"),
  date: Schema.String,
  today: Schema.String,
}) {}

/**
 * A person would take part in deciding a file that is about them: named to the investigation team, say, while
 * the report names them. Need-to-know keeps subjects out of their files; this keeps them off its bench.
 */
export class ConflictOfInterest extends Schema.TaggedError<ConflictOfInterest>()("ConflictOfInterest", {
  message: Schema.String,
  field: Schema.String,
  personId: Schema.String,
}) {}

/** A person named by id is not in the agency's staff directory. */
export class UnknownPerson extends Schema.TaggedError<UnknownPerson>()("UnknownPerson", {
  message: Schema.String,
  field: Schema.String,
  personId: Schema.String,
}) {}

/** A person a step names to act (the head a report or lead goes to, an investigator) does not hold the role to act. */
export class RoleMissing extends Schema.TaggedError<RoleMissing>()("RoleMissing", {
  message: Schema.String,
  field: Schema.String,
  personId: Schema.String,
  role: Schema.String,
}) {}
