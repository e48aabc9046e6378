/** What can go wrong issuing documents, as values. */
import { Schema } from "effect";

/**
 * Every try to take the next number lost the race to another issue of the same kind and year. Nothing was
 * issued; trying again later succeeds.
 */
export class DocumentNumberContention extends Schema.TaggedError<DocumentNumberContention>()(
  "DocumentNumberContention",
  { agencyId: Schema.String, kind: Schema.String, year: Schema.Number, attempts: Schema.Number },
) {
  override get message(): string {
    return `no ${this.kind} number of ${this.year} could be taken after ${this.attempts} tries: too many issued at once; try again`;
  }
}
