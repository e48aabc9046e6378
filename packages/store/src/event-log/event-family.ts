/**
 * An event family: the changes of one kind of record (`Person.*`, `Intake.*`, a proceeding's steps) as log
 * events. The payload Schema is the family's whole tagged union and each tag has its own stored type name,
 * so a stored event names its change twice, in its type and in its payload's `_tag`, and decoding checks
 * that the two agree.
 *
 * The type names are in the hashed, immutable log: a family may gain names, never rename one.
 */
import { Effect, type Schema } from "effect";
import { InvalidEvent } from "./errors.js";
import { type Event, EventType, type NewEvent, newEvent } from "./event.js";
import { decodePayload } from "./event-validation.js";

type Tagged = { readonly _tag: string };

/** The stored type name of each tag of `A`, each under `Prefix`. */
export type EventTypeNames<A extends Tagged, Prefix extends string = ""> = {
  readonly [K in A["_tag"]]: `${Prefix}${string}`;
};

export interface EventFamilyOptions<
  A extends Tagged,
  I,
  Names extends EventTypeNames<A, Prefix>,
  Prefix extends string,
> {
  /** What one change is called in a refusal: `directory change` gives "no directory change is called …". */
  readonly what: string;
  /** The whole union: every type of the family decodes its payload with it. */
  readonly payload: Schema.Schema<A, I, never>;
  readonly names: Names;
  /**
   * The prefix every name shares, if they share one. `is` then claims every type under it, so a type of
   * the family that this code does not know is refused by `decode` rather than passed over; without a
   * prefix, `is` claims exactly the names.
   */
  readonly prefix?: Prefix;
  /** The citation ids a change rests on: the same for all, or by change. */
  readonly citations: ReadonlyArray<string> | ((event: A) => ReadonlyArray<string>);
}

export interface EventFamily<A extends Tagged, I, Names extends EventTypeNames<A, string>> {
  /** One event type per tag; the payload Schema is the whole union, the type name fixes the tag. */
  readonly types: { readonly [K in A["_tag"]]: EventType<Names[K], A, I> };
  /** A change to append, as `actor`, with its citations. */
  readonly change: (event: A, actor: string) => NewEvent<A>;
  /** Whether a stored event belongs to the family. */
  readonly is: (event: Pick<Event, "type">) => boolean;
  /** The change a stored event records; its payload must agree with its type name. */
  readonly decode: (event: Event) => Effect.Effect<A, InvalidEvent>;
}

export const eventFamily = <
  A extends Tagged,
  I,
  const Names extends EventTypeNames<A, Prefix>,
  const Prefix extends string = "",
>(
  options: EventFamilyOptions<A, I, Names, Prefix>,
): EventFamily<A, I, Names> => {
  const { what, payload, names, prefix, citations } = options;
  const tags = Object.keys(names) as Array<A["_tag"]>;
  const types = Object.fromEntries(tags.map((tag) => [tag, EventType(names[tag], payload)])) as {
    readonly [K in A["_tag"]]: EventType<Names[K], A, I>;
  };
  const tagByName = new Map<string, A["_tag"]>(tags.map((tag) => [names[tag], tag]));
  if (tagByName.size !== tags.length) {
    throw new Error(`two ${what}s share a type name: ${tags.map((tag) => names[tag]).join(", ")}`);
  }
  const citationsOf = typeof citations === "function" ? citations : () => citations;

  return {
    types,
    change: (event, actor) =>
      newEvent(types[event._tag as A["_tag"]], { actor, citations: citationsOf(event), payload: event }),
    is:
      prefix === undefined ? (event) => tagByName.has(event.type) : (event) => event.type.startsWith(prefix),
    decode: (event) => {
      const tag = tagByName.get(event.type);
      if (tag === undefined) {
        return Effect.fail(
          new InvalidEvent({ field: "type", message: `no ${what} is called ${event.type}` }),
        );
      }
      return Effect.flatMap(decodePayload(types[tag], event), (decoded) =>
        decoded._tag === tag
          ? Effect.succeed(decoded)
          : Effect.fail(
              new InvalidEvent({
                field: "payload._tag",
                message: `a ${event.type} event carries a ${decoded._tag}`,
              }),
            ),
      );
    },
  };
};
