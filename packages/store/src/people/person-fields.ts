/**
 * What the staff directory (人员名录) says of a person besides their id and name: the department they work in
 * and their position. Decoded with these Schemas wherever they cross a boundary, so a bad one is refused with
 * its field before anything is written.
 */
import { Schema } from "effect";
import { DisplayName } from "../accounts/account-identifiers.js";

// A display name's rule (trimmed, 1-100 characters, no control characters) fits these texts as well.

/** The department a person works in, e.g. 执法一科. */
export const Department = DisplayName.annotations({
  identifier: "Department",
  description: "a department, e.g. 执法一科",
});
export type Department = typeof Department.Type;

/** A person's position, e.g. 科长. */
export const Position = DisplayName.annotations({
  identifier: "Position",
  description: "a position, e.g. 科长",
});
export type Position = typeof Position.Type;

/** Former staff stay in the directory as `departed`, so the records that name them still resolve. */
export const PersonStatus = Schema.Literal("active", "departed");
export type PersonStatus = typeof PersonStatus.Type;
