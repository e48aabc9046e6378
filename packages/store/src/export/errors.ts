/** Why an import was refused. Nothing was written: the import runs in one transaction. */
import { Schema } from "effect";
import { Rejected } from "../verify/verification-report.js";

export class ImportRefused extends Schema.TaggedError<ImportRefused>()("ImportRefused", {
  agencyId: Schema.String,
  reason: Schema.String,
  /** When the file failed verification: the verifier's report, with the first bad position. */
  report: Schema.optional(Rejected),
}) {
  override get message(): string {
    return `import into the log of ${this.agencyId} refused: ${this.reason}`;
  }
}
