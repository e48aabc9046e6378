/** Failures that belong to the API itself: who may call what. Domain and store failures keep their own tags. */
import { Schema } from "effect";

export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", {
  message: Schema.String,
}) {}

export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
}) {}

export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  message: Schema.String,
  what: Schema.String,
}) {}

/** Input that failed its Schema: `path` names the field. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
}) {}
