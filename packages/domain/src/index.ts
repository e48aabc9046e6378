/**
 * @liuhen/domain: the rules of 黔江市监发〔2020〕95号 — wrong-case accountability (WC) and interference
 * records (IF) — as pure functions over Schema-defined data, with the regime, its articles, calendar,
 * periods and sanction policy as values. No I/O; runs in the browser.
 */
export * from "./access/need-to-know.js";
export * from "./access/role.js";
export * from "./assess/assess.js";
export * from "./assess/contract-error.js";
export * from "./assess/request.js";
export * from "./calendar/index.js";
export * from "./citation/citation-id.js";
export * from "./explanation/basis.js";
export * from "./explanation/labels.js";
export * from "./explanation/messages.js";
export * from "./explanation/prose.js";
export * from "./explanation/step.js";
export * from "./i18n/dates.js";
export * from "./i18n/localised-text.js";
export * from "./interference/categorise.js";
export * from "./interference/contact.js";
export * from "./interference/internal-staff.js";
export * from "./interference/non-recording.js";
export * from "./interference/protection.js";
export * from "./interference/spot-check-sample.js";
export * from "./periods/index.js";
export * from "./proceedings/index.js";
export * from "./receipt/decision-receipt.js";
export * from "./receipt/reproduce.js";
export * from "./regime/bodies.js";
export * from "./regime/default-registry.js";
export * from "./regime/qianjiang-msa-2020.js";
export * from "./regime/regime.js";
export * from "./regime/registry.js";
export * from "./regulation/article.js";
export * from "./regulation/parse.js";
export * from "./regulation/qianjiang-msa-2020-95.js";
export * from "./schema/first-issue.js";
export * from "./wrong-case/assess-wrong-case.js";
export * from "./wrong-case/classification.js";
export * from "./wrong-case/conduct.js";
export * from "./wrong-case/contradictions.js";
export * from "./wrong-case/facts.js";
export * from "./wrong-case/liability.js";
export * from "./wrong-case/proposal.js";
export * from "./wrong-case/sanction-ladder.js";
export * from "./wrong-case/sanction-policy.js";
export * from "./wrong-case/scope.js";
