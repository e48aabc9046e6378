/**
 * The domain's free text and person ids, bounded at the API's edge so one request cannot fill the log: what a
 * step states (reasons, summaries, allegations), a short name (a body, a place, a case reference), a note, a
 * person id, and a list of people.
 */
import { ActorId, FreeText } from "@liuhen/domain";
import { Schema } from "effect";

const atMost = (n: number) =>
  FreeText.pipe(Schema.maxLength(n, { message: () => `at most ${n.toLocaleString("en")} characters` }));

export const Text = atMost(20_000);
export const Note = atMost(5_000);
export const Purpose = atMost(500);
export const Name = atMost(200);

export const Person = ActorId.pipe(
  Schema.maxLength(100, { message: () => "a person id has at most 100 characters" }),
);
export const People = Schema.Array(Person).pipe(Schema.maxItems(50, { message: () => "at most 50 people" }));
