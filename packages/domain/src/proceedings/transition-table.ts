/**
 * What both proceedings share: a table saying, for each event kind, from which stages it is legal, which
 * stage it leads to and which articles it rests on. The table is data: `resolveTransition` reads it to
 * accept or refuse an event, `legalNextSteps` reads it so a UI can list what may happen next and why.
 */
import { Either } from "effect";
import type { CitationId } from "../citation/citation-id.js";
import { DateOutOfOrder } from "./date-out-of-order.js";
import { IllegalTransition } from "./illegal-transition.js";

/** An edge whose end depends on what the event records (a finding of interference or of legitimacy). */
export interface RoutedTransition<S extends string, E> {
  /** Every stage the event can lead to from here, for `legalNextSteps`. */
  readonly oneOf: readonly [S, ...Array<S>];
  /** Which of them this event leads to. */
  readonly route: (event: E) => S;
}

export type TransitionTarget<S extends string, E> = S | RoutedTransition<S, E>;

/** The part of a state the table reads. */
export interface ProceedingPosition<S extends string> {
  readonly stage: S;
  /** The date of the last step that was not repeatable: no later event may be dated before it. */
  readonly since: string | null;
}

export interface EventRule<S extends string, E, St> {
  /** The articles the step rests on. */
  readonly citations: ReadonlyArray<CitationId>;
  /**
   * May be recorded any number of times (a log entry, a message): a repeatable step does not move the date
   * floor (`since`), so two of them may be entered out of date order.
   */
  readonly repeatable: boolean;
  /** The stages the event is legal from, each with the stage it leads to. */
  readonly from: { readonly [K in S]?: TransitionTarget<S, E> };
  /** The date the event may not precede, when not `since` (an answer to the reporter: the acceptance). */
  readonly notBefore?: (state: St) => string | null;
}

/** One rule per event kind: a new kind fails to compile until the table says where it is legal. */
export type TransitionTable<S extends string, E extends { readonly _tag: string }, St, Extra = unknown> = {
  readonly [K in E["_tag"]]: EventRule<S, Extract<E, { readonly _tag: K }>, St> & Extra;
};

export interface NextStep<S extends string, T extends string> {
  readonly event: T;
  /** The stages it can lead to; `[stage]` alone for a step that repeats in place. */
  readonly leadsTo: ReadonlyArray<S>;
  readonly repeatable: boolean;
  readonly citations: ReadonlyArray<CitationId>;
}

type AnyRule<S extends string, St> = EventRule<S, { readonly _tag: string }, St>;

// Indexing a mapped table by a union tag yields a union of rules whose `route`s take different events; the
// rule looked up by the event's own tag does take that event, which the type system cannot follow.
const ruleOf = <S extends string, St>(table: object, tag: string): AnyRule<S, St> | undefined =>
  Object.hasOwn(table, tag) ? ((table as Record<string, AnyRule<S, St>>)[tag] ?? undefined) : undefined;

const targetFrom = <S extends string, E>(
  rule: { readonly from: { readonly [K in S]?: TransitionTarget<S, E> } },
  stage: S,
): TransitionTarget<S, E> | undefined => (Object.hasOwn(rule.from, stage) ? rule.from[stage] : undefined);

const targetsOf = <S extends string>(target: TransitionTarget<S, never>): ReadonlyArray<S> =>
  typeof target === "string" ? [target] : target.oneOf;

/** The stages an event kind is legal from, in the table's order. */
export const stagesLegalFrom = <S extends string>(rule: { readonly from: { readonly [K in S]?: unknown } }) =>
  Object.keys(rule.from) as Array<S>;

/**
 * The stage `event` leads to from `state`, or why it is refused: not legal from this stage
 * (`IllegalTransition`), or dated before the step it follows (`DateOutOfOrder`).
 */
export const resolveTransition = <
  S extends string,
  E extends { readonly _tag: string; readonly date: string },
  St extends ProceedingPosition<S>,
  Extra = unknown,
>(
  table: TransitionTable<S, E, St, Extra>,
  state: St,
  event: E,
): Either.Either<
  { readonly to: S; readonly rule: EventRule<S, E, St> & Extra },
  IllegalTransition | DateOutOfOrder
> => {
  const rule = ruleOf<S, St>(table, event._tag) as (EventRule<S, E, St> & Extra) | undefined;
  if (rule === undefined) {
    return Either.left(new IllegalTransition({ event: event._tag, stage: state.stage, legalFrom: [] }));
  }
  const target = targetFrom<S, E>(rule, state.stage);
  if (target === undefined) {
    return Either.left(
      new IllegalTransition({ event: event._tag, stage: state.stage, legalFrom: stagesLegalFrom<S>(rule) }),
    );
  }
  const floor = rule.notBefore === undefined ? state.since : (rule.notBefore(state) ?? state.since);
  if (floor !== null && event.date < floor) {
    return Either.left(new DateOutOfOrder({ event: event._tag, date: event.date, notBefore: floor }));
  }
  const to: S = typeof target === "string" ? target : target.route(event);
  return Either.right({ to, rule });
};

/** The date floor after a step: a milestone moves it to its own date, a repeatable step leaves it. */
export const sinceAfter = (
  rule: { readonly repeatable: boolean },
  state: ProceedingPosition<string>,
  date: string,
) => (rule.repeatable ? state.since : date);

/** The event kinds legal from `stage`, in the table's order, with where they lead and the articles behind. */
export const legalNextSteps = <S extends string, E extends { readonly _tag: string }, St>(
  table: TransitionTable<S, E, St, unknown>,
  stage: S,
): ReadonlyArray<NextStep<S, E["_tag"]>> =>
  (Object.keys(table) as Array<E["_tag"]>).flatMap((tag) => {
    const rule = ruleOf<S, St>(table, tag);
    const target = rule === undefined ? undefined : targetFrom(rule, stage);
    return rule === undefined || target === undefined
      ? []
      : [{ event: tag, leadsTo: targetsOf(target), repeatable: rule.repeatable, citations: rule.citations }];
  });
