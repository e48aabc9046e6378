/**
 * What need-to-know looks at in an interference record (the domain's `CaseFileFacts`), read off its state.
 *
 * The subjects are the person the record names as having interfered (IF.3 人物), as first recorded and as any
 * correction restates it, and anyone a retaliation referral names (IF.12a 打击报复): someone once named stays
 * shut out. The route is the judicial-supervision channel
 * (IF.3 必要时可以直接向区司法行政部门……报告) when the handler reported it there, or when the person named
 * holds the head's or a legal officer's role — they would otherwise judge their own case (`routeFor`).
 */
import { type CaseFileFacts, type InterferenceState, type Role, type Route, routeFor } from "@liuhen/domain";
import { Directory } from "@liuhen/store";
import { Effect } from "effect";

export const interferenceSubjects = (state: InterferenceState): ReadonlyArray<string> => [
  ...new Set(
    [
      state.record?.elements.person,
      ...state.corrections.map((c) => c.corrections.person),
      ...state.retaliationReferrals.map((r) => r.against),
    ].filter((person): person is string => person !== undefined),
  ),
];

/** `subjectRoute`: the domain's `routeFor` over the roles the subjects hold now. */
export const interferenceFileFacts = (state: InterferenceState, subjectRoute: Route): CaseFileFacts => ({
  kind: "interference",
  subjects: interferenceSubjects(state),
  author: state.record?.handler ?? null,
  route:
    subjectRoute === "judicial-supervision" || state.report?._tag === "ReportedToJudicialSupervision"
      ? "judicial-supervision"
      : "legal-section",
  team: state.investigation?.investigators ?? [],
  reportedToHead: state.lead !== null,
  beforeCommittee: false,
  referred: state.referrals.length > 0 || state.retaliationReferrals.length > 0,
});

/**
 * `routeFor` over the roles each subject holds now, from the directory; someone not in it (former staff, an
 * outsider) holds none.
 */
export const interferenceSubjectRoute = (agencyId: string, subjects: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const directory = yield* Directory;
    const roles = yield* Effect.forEach(subjects, (subject) =>
      directory.rolesOf(agencyId, subject).pipe(
        Effect.catchTag("PersonNotFound", () => Effect.succeed([] as ReadonlyArray<Role>)),
        Effect.map((held) => new Set(held)),
      ),
    );
    return routeFor(roles);
  });
