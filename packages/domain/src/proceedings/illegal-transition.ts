/**
 * An event recorded at a stage it is not legal from: a decision before findings, a transfer before
 * acceptance, anything after a proceeding is closed. The error names the stages the event would be legal
 * from, so the caller can say what must happen first.
 */
import { Schema } from "effect";

export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("IllegalTransition", {
  /** The refused event's tag. */
  event: Schema.String,
  /** The stage the proceeding is at. */
  stage: Schema.String,
  /** The stages from which the event is legal (in the transition table's order). */
  legalFrom: Schema.Array(Schema.String),
}) {
  override get message(): string {
    const from = this.legalFrom.length === 0 ? "no stage" : this.legalFrom.join(", ");
    return `${this.event} is not legal at stage ${this.stage}; it is legal from: ${from}`;
  }
}
