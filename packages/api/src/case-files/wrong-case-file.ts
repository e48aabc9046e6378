/**
 * What need-to-know looks at in a wrong-case proceeding (the domain's `CaseFileFacts`), read off its state:
 * who it is about, who reported it, the teams assigned and how far it has gone. Nothing of its content.
 *
 * The subjects grow as the proceeding goes: the officers the report names (WC.10.1), those the findings
 * hold responsible (WC.10.3 认定……责任人) and those the committee's decision concerns. Each of them is shut
 * out from the file from the step that names them on.
 */
import type { CaseFileFacts, WrongCaseState } from "@liuhen/domain";

export const wrongCaseSubjects = (state: WrongCaseState): ReadonlyArray<string> => [
  ...new Set([
    ...(state.report?.officers ?? []),
    ...state.rounds.flatMap((round) => round.findings?.responsible ?? []),
    ...(state.decision?.officers ?? []),
    ...state.notices.map((notice) => notice.officer),
  ]),
];

export const wrongCaseFileFacts = (state: WrongCaseState): CaseFileFacts => ({
  kind: "wrong-case",
  subjects: wrongCaseSubjects(state),
  author: state.report?.reporter._tag === "Staff" ? state.report.reporter.id : null,
  route: "legal-section",
  team: [...new Set(state.rounds.flatMap((round) => round.teams.flatMap((team) => team.members)))],
  reportedToHead: state.reportToHead !== null,
  beforeCommittee: state.rounds.some((round) => round.proposal !== null),
  referred: state.referral !== null,
});

/** The team of the round under way: who may log investigation acts and submit findings now. */
export const currentTeam = (state: WrongCaseState): ReadonlyArray<string> =>
  state.rounds.at(-1)?.teams.at(-1)?.members ?? [];
