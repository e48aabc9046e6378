/**
 * Whether a contact is interference (IF.10), legitimate guidance or inquiry (IF.13), or permitted but to be
 * recorded (IF.7, IF.3), act by act, as the table of CONFORMANCE.md lays it down.
 */
import { type CitationId, citation, sortCitations } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";
import type { Act, ActKind, Contact } from "./contact.js";
import { isInternal, type PersonRole } from "./internal-staff.js";

/** IF.10 categories, or the IF.13 ground that makes a contact legitimate. */
export type CategoryId =
  | "IF.10.1"
  | "IF.10.2"
  | "IF.10.3"
  | "IF.10.4"
  | "IF.10.5"
  | "IF.10.6"
  | "IF.10.7"
  | "IF.13.1"
  | "IF.13.2";

export type Finding = "interference" | "legitimate" | "permitted-record-required" | "not-internal";

/** What one act comes to: IF.10 categories, a legitimate ground, or permitted-but-record. */
type ActOutcome =
  | { readonly kind: "interference"; readonly categories: ReadonlyArray<CategoryId>; readonly rule: string }
  | { readonly kind: "legitimate"; readonly ground: "IF.13.1" | "IF.13.2"; readonly rule: string }
  | { readonly kind: "record"; readonly citation: "IF.7" | "IF.3"; readonly rule: string };

// IF.7 局机关领导干部和上级机关工作人员因履行领导、监督职责……应当依照程序以书面形式提出，口头提出的，由办案人员记录在案。
// IF.13.1 对案件办理具有指导、管理、监督职能的部门……书面提出指导性或纠正性意见的不应认定为干预。
const SUPERVISING_ROLES: ReadonlySet<PersonRole> = new Set([
  "leader",
  "superior-body",
  "supervisory-department",
]);

const interference = (rule: string, ...categories: CategoryId[]): ActOutcome => ({
  kind: "interference",
  categories,
  rule,
});

// Each outcome is a constant: the act table runs for every act of every contact assessed.
const INSTRUCTION = interference("if.instruction", "IF.10.1");
const PRIVATE_OPINION = interference("if.private-opinion", "IF.10.2");
const UNLAWFUL_DEMAND = interference("if.unlawful-demand", "IF.10.3");
const PRIVATE_MEETING = interference("if.private-meeting", "IF.10.4");
const PLEAD = interference("if.plead", "IF.10.5");
const TIP_OFF = interference("if.tip-off", "IF.10.5", "IF.10.6");
const FORWARD_FOR_PARTY = interference("if.forward-for-party", "IF.10.6");
const PROBE_FOR_PARTY = interference("if.probe-for-party", "IF.10.5", "IF.10.6");
const PROBE = interference("if.probe", "IF.10.7");
const OTHER = interference("if.other", "IF.10.7");
const WRITTEN_GUIDANCE: ActOutcome = { kind: "legitimate", ground: "IF.13.1", rule: "if.written-guidance" };
const ORAL_GUIDANCE: ActOutcome = { kind: "record", citation: "IF.7", rule: "if.oral-guidance" };
const INQUIRY_VIA_PROCEDURE: ActOutcome = {
  kind: "legitimate",
  ground: "IF.13.2",
  rule: "if.inquiry-via-procedure",
};
const INQUIRY_UNRECORDED: ActOutcome = { kind: "record", citation: "IF.3", rule: "if.inquiry-unrecorded" };

interface Circumstances {
  readonly role: PersonRole;
  readonly written: boolean;
  readonly viaProcedure: boolean;
  readonly recorded: boolean;
  readonly onBehalfOfParty: boolean;
}

/** Guidance within a supervisory role: legitimate in writing (IF.13.1), otherwise to be recorded (IF.7). */
const supervisory = (act: Act, c: Circumstances): ActOutcome | null =>
  SUPERVISING_ROLES.has(c.role) && act.withinAuthority
    ? c.written
      ? WRITTEN_GUIDANCE
      : ORAL_GUIDANCE
    : null;

// IF.10（五）为当事人请托、说情或违反规定打探案情、通风报信；（六）为当事人转递涉案材料及打探案情、通风报信；
// （七）其他影响执法人员依法公正处理案件的干预、插手案件办理的行为。
const probe = (c: Circumstances): ActOutcome => (c.onBehalfOfParty ? PROBE_FOR_PARTY : PROBE);

const instruct = (act: Act, c: Circumstances): ActOutcome =>
  // IF.10（一）超越职权下达不符合法律规定的立案、撤销案件、终止调查、变更行政强制措施、降格或者升格行政处罚等指示
  supervisory(act, c) ?? INSTRUCTION;

const opinion = (act: Act, c: Circumstances): ActOutcome =>
  // IF.10（二）超越职权私自向办案机构或办案人员提出案件定性处理意见或批转涉案材料
  supervisory(act, c) ?? PRIVATE_OPINION;

export const ACT_RULES: Readonly<Record<ActKind, (act: Act, c: Circumstances) => ActOutcome>> = {
  guidance: opinion,
  "characterisation-opinion": opinion,
  "forward-case-materials": opinion,
  "instruct-open-case": instruct,
  "instruct-withdraw-case": instruct,
  "instruct-stop-investigation": instruct,
  "instruct-change-coercive-measure": instruct,
  "instruct-lower-penalty": instruct,
  "instruct-raise-penalty": instruct,
  // IF.10（三）要求办案机构或办案人员违法登记保存证据或者违法处置涉案财物
  "demand-unlawful-evidence-preservation": () => UNLAWFUL_DEMAND,
  "demand-unlawful-property-disposal": () => UNLAWFUL_DEMAND,
  // IF.10（四）提出私下会见案件当事人、当事人近亲属、代理人及其他与案件有利害关系人员
  "propose-private-meeting": () => PRIVATE_MEETING,
  "plead-for-party": () => PLEAD,
  "tip-off": () => TIP_OFF,
  "forward-materials-for-party": () => FORWARD_FOR_PARTY,
  "probe-case-details": (_, c) => probe(c),
  // IF.13.2 因履行职责需要……口头了解……并按照正常工作程序进行，且办案机构或办案人员做好工作记录的不认定为干预
  inquiry: (_, c) => (c.viaProcedure ? (c.recorded ? INQUIRY_VIA_PROCEDURE : INQUIRY_UNRECORDED) : probe(c)),
  other: () => OTHER,
};

export interface Categorisation {
  readonly internal: boolean;
  readonly finding: Finding;
  readonly categories: ReadonlyArray<CategoryId>;
  readonly recordRequired: boolean;
  readonly notification: boolean;
  readonly citations: ReadonlyArray<CitationId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

// The ids every categorisation cites, checked once.
const IF_2 = citation("IF.2");
const IF_3 = citation("IF.3");
const IF_5 = citation("IF.5");
const IF_8 = citation("IF.8");
const IF_10 = citation("IF.10");
const IF_11 = citation("IF.11");
const IF_12B = citation("IF.12b");

export const categorise = (contact: Contact): Categorisation => {
  const { internal, step: internalStep } = isInternal(contact.person);
  const role = contact.person.role;
  if (!internal) {
    // IF.8 其他执法机关的工作人员……应当依照法律程序或者工作程序进行: not internal, so IF.10 does not apply,
    // but a request off procedure is still recorded (IF.3).
    const otherAgency = role === "other-agency";
    const basis = [internalStep];
    if (otherAgency)
      basis.push(
        step(IF_8, "if.other-agency-procedure", contact.viaProcedure, { viaProcedure: contact.viaProcedure }),
      );
    return {
      internal,
      finding: "not-internal",
      categories: [],
      recordRequired: otherAgency && !contact.viaProcedure,
      notification: false,
      citations: sortCitations(otherAgency ? [IF_2, IF_8] : [IF_2]),
      basis,
    };
  }
  const circumstances: Circumstances = {
    role,
    written: contact.method === "written",
    viaProcedure: contact.viaProcedure,
    recorded: contact.recorded,
    onBehalfOfParty: contact.onBehalfOfParty,
  };
  const ifCategories = new Set<CategoryId>();
  const legitimate = new Set<CategoryId>();
  const recordCitations = new Set<CitationId>();
  const basis: BasisStep[] = [internalStep];
  for (const act of contact.acts) {
    const outcome = ACT_RULES[act.act](act, circumstances);
    const inputs = { act: act.act, role, method: contact.method, withinAuthority: act.withinAuthority };
    switch (outcome.kind) {
      case "interference":
        for (const c of outcome.categories) {
          ifCategories.add(c);
          basis.push(step(citation(c), outcome.rule, true, inputs));
        }
        break;
      case "legitimate":
        legitimate.add(outcome.ground);
        basis.push(step(citation(outcome.ground), outcome.rule, true, inputs));
        break;
      case "record":
        recordCitations.add(citation(outcome.citation));
        basis.push(step(citation(outcome.citation), outcome.rule, true, inputs));
        break;
    }
  }
  // Several acts: the union of categories; any IF.10 category makes it interference; with none,
  // permitted-record-required wins over legitimate.
  const finding: Finding =
    ifCategories.size > 0
      ? "interference"
      : recordCitations.size > 0
        ? "permitted-record-required"
        : "legitimate";
  const categories: ReadonlySet<CategoryId> =
    finding === "interference" ? ifCategories : finding === "legitimate" ? legitimate : new Set();
  if (finding === "interference") basis.push(step(IF_11, "if.referral-if-discipline", true));
  else basis.push(step(IF_10, "if.no-interference", false));
  // IF.3 全面、如实记录; IF.12b 不记录或者不如实记录的，予以警告、通报批评.
  const unrecorded = !contact.recorded;
  basis.push(step(IF_3, "if.recorded", contact.recorded));
  if (unrecorded) basis.push(step(IF_12B, "if.not-recorded", true));
  const cited: CitationId[] = [IF_2, IF_3];
  if (finding === "interference") cited.push(IF_5, IF_10);
  for (const c of categories) cited.push(citation(c));
  for (const c of recordCitations) cited.push(c);
  if (unrecorded) cited.push(IF_12B);
  return {
    internal,
    finding,
    categories: sortCitations(categories) as ReadonlyArray<CategoryId>,
    recordRequired: true,
    notification: finding === "interference",
    citations: sortCitations(cited),
    basis,
  };
};
