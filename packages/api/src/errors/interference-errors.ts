/**
 * Refusals of interference records (IF.3) and of personnel actions against recorders (IF.9), as values. Each
 * names the input field it concerns, so a client can point at it; nothing was written.
 */
import { Schema } from "effect";

/**
 * IF.3 必要时可以直接向区司法行政部门行政执法协调监督机构报告: the record is about the bureau head or a legal officer,
 * who would judge their own case, so it goes only to the district judicial supervision (`route`).
 */
export class RouteRequired extends Schema.TaggedError<RouteRequired>()("RouteRequired", {
  message: Schema.String,
  route: Schema.Literal("judicial-supervision"),
}) {}

/**
 * IF.9 非因法定事由，非经法定程序，不得被免职、调离、辞退或者给予降级、撤职、开除等处分: a personnel action that the
 * protection check blocks for want of its statutory cause or procedure (`field`, the first missing).
 */
export class StatutoryGroundsRequired extends Schema.TaggedError<StatutoryGroundsRequired>()(
  "StatutoryGroundsRequired",
  {
    message: Schema.String,
    field: Schema.Literal("statutoryCause", "statutoryProcedure"),
    citations: Schema.Array(Schema.String),
  },
) {}
