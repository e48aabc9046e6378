/**
 * What the legal section's oversight reads across the agency: every interference record with the channel it
 * is routed to (IF.3: the legal section, or the district judicial supervision when the person recorded holds
 * the head's or a legal officer's role, or the handler reported it there), and the agency's handlers.
 *
 * Handlers are the people holding the `handler` role through an enabled account: the role is what makes
 * someone a case handler in Liuhen (the directory records departments, not roles), and an account that is
 * disabled no longer handles cases.
 */
import { currentRecordElements, type InterferenceState, type Route } from "@liuhen/domain";
import {
  Accounts,
  type AgencyId,
  Directory,
  interferenceStreamId,
  Proceedings,
  type ProceedingView,
} from "@liuhen/store";
import { Effect } from "effect";
import {
  interferenceFileFacts,
  interferenceSubjectRoute,
  interferenceSubjects,
} from "../case-files/interference-file.js";

export interface RoutedRecord {
  readonly recordId: string;
  readonly view: ProceedingView<InterferenceState>;
  /** The subjects' route (`routeFor`), for need-to-know on the record. */
  readonly subjectRoute: Route;
  /** The channel the record is routed to. */
  readonly route: Route;
}

export const recordIdOf = (view: ProceedingView<InterferenceState>): string =>
  view.streamId.slice(interferenceStreamId("").length);

/** Every interference record of the agency with its route, oldest number first. */
export const routedRecords = (agencyId: AgencyId) =>
  Effect.gen(function* () {
    const views = yield* Effect.flatMap(Proceedings, (p) => p.interferenceRecords(agencyId));
    return yield* Effect.forEach(views, (view) =>
      Effect.map(
        interferenceSubjectRoute(agencyId, interferenceSubjects(view.state)),
        (subjectRoute): RoutedRecord => ({
          recordId: recordIdOf(view),
          view,
          subjectRoute,
          route: interferenceFileFacts(view.state, subjectRoute).route,
        }),
      ),
    );
  });

/** The day the record was made, and its month. */
export const recordDate = (state: InterferenceState): string | null => state.record?.date ?? null;
export const monthOf = (date: string): string => date.slice(0, 7);

/** IF.3 方式 as the record now reads, corrections laid over it. */
export const recordMethod = (state: InterferenceState): string | null =>
  currentRecordElements(state)?.method ?? null;

/** The person ids holding the handler role through an enabled account, sorted, each once. */
export const agencyHandlers = (agencyId: AgencyId) =>
  Effect.gen(function* () {
    const accounts = yield* Effect.flatMap(Accounts, (a) => a.list(agencyId));
    const held = accounts.flatMap((account) =>
      account.status === "active" && account.personId !== null && account.roles.includes("handler")
        ? [account.personId as string]
        : [],
    );
    return [...new Set(held)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  });

/** Name and department of each person in the directory, by id. */
export const directoryIndex = (agencyId: AgencyId) =>
  Effect.map(
    Effect.flatMap(Directory, (d) => d.list(agencyId)),
    (people) =>
      new Map(people.map((p) => [p.personId as string, { name: p.name, department: p.department }] as const)),
  );
