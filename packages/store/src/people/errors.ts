/** What can go wrong with the staff directory, as values. */
import { Schema } from "effect";

export class PersonNotFound extends Schema.TaggedError<PersonNotFound>()("PersonNotFound", {
  agencyId: Schema.String,
  personId: Schema.String,
}) {
  override get message(): string {
    return `the directory of ${this.agencyId} has no person ${this.personId}`;
  }
}

/** The person id is taken in the agency's directory (by a former member of staff, perhaps). Nothing was written. */
export class PersonAlreadyRegistered extends Schema.TaggedError<PersonAlreadyRegistered>()(
  "PersonAlreadyRegistered",
  { agencyId: Schema.String, personId: Schema.String },
) {
  override get message(): string {
    return `${this.personId} is in the directory of ${this.agencyId} already; update that entry instead`;
  }
}
