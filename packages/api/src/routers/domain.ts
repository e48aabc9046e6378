/**
 * The regulation, public to anyone: assess a request of the domain's JSON contract, read the text behind
 * any citation id, and what a regime is. Nothing here touches case content.
 */
import { assess, CitationId, isContractError, Regimes } from "@liuhen/domain";
import { Effect, Either, Schema } from "effect";
import { NotFound } from "../errors/api-errors.js";
import { fromTagged } from "../errors/to-trpc-error.js";
import { input, publicProcedure, router, run } from "../trpc.js";

const regimeOf = (id: string | undefined) =>
  Effect.flatMap(Regimes, (registry) =>
    Either.match(registry.find(id), { onLeft: Effect.fail, onRight: Effect.succeed }),
  );

export const domainRouter = router({
  /** The JSON contract of CONFORMANCE.md; `assess` decodes the request itself and names the bad field. */
  assess: publicProcedure
    .input((value: unknown) => value)
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.map(Regimes, (registry) => assess(request, registry)),
      ).then((result) => {
        if (isContractError(result)) {
          throw fromTagged({
            _tag: result.error.tag,
            message: result.error.message,
            path: result.error.path,
          });
        }
        return result;
      }),
    ),

  /** The article or item behind a citation id, exactly as issued. */
  article: publicProcedure
    .input(input(Schema.Struct({ id: CitationId, regime: Schema.optional(Schema.String) })))
    .query(({ ctx, input: { id, regime } }) =>
      run(
        ctx,
        Effect.flatMap(regimeOf(regime), (r) => {
          const article = r.article(id);
          return article
            ? Effect.succeed({
                regime: r.ref,
                id: article.id,
                heading: article.heading,
                text: article.text,
                parent: article.parent ?? null,
                excerpt: article.excerpt ?? null,
                note: article.note ?? null,
              })
            : Effect.fail(new NotFound({ message: `${r.id} has no article ${id}`, what: "article" }));
        }),
      ),
    ),

  /** What a regime is: its document, validity, bodies, policy and the headings of its articles. */
  regime: publicProcedure
    .input(input(Schema.Struct({ id: Schema.optional(Schema.String) })))
    .query(({ ctx, input: { id } }) =>
      run(
        ctx,
        Effect.map(regimeOf(id), (r) => ({
          ref: r.ref,
          id: r.id,
          title: r.title,
          documentNumber: r.documentNumber,
          validFrom: r.validFrom,
          validTo: r.validTo ?? null,
          bodies: r.bodies,
          policy: { version: r.policy.version, nature: r.policy.nature, title: r.policy.title },
          articles: r.articles.map((a) => ({ id: a.id, heading: a.heading, parent: a.parent ?? null })),
        })),
      ),
    ),
});
