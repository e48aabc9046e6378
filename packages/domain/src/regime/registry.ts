/** The regimes a deployment knows, found by id, and by the date a decision is made on. */
import { Context, Either, Layer, Schema } from "effect";
import type { IsoDate } from "../calendar/iso-date.js";
import type { Regime } from "./regime.js";

export class UnknownRegime extends Schema.TaggedError<UnknownRegime>()("UnknownRegime", {
  message: Schema.String,
  regime: Schema.String,
  known: Schema.Array(Schema.String),
}) {}

export class RegimeNotInForce extends Schema.TaggedError<RegimeNotInForce>()("RegimeNotInForce", {
  message: Schema.String,
  regime: Schema.String,
  date: Schema.String,
  validFrom: Schema.String,
  validTo: Schema.NullOr(Schema.String),
}) {}

export class RegimeRegistry {
  private readonly byId: ReadonlyMap<string, Regime>;

  constructor(
    readonly regimes: ReadonlyArray<Regime>,
    readonly defaultId: string,
  ) {
    this.byId = new Map(regimes.map((r) => [r.id, r]));
    if (!this.byId.has(defaultId))
      throw new Error(`the default regime ${defaultId} is not among the regimes`);
  }

  find(id: string = this.defaultId): Either.Either<Regime, UnknownRegime> {
    const regime = this.byId.get(id);
    return regime
      ? Either.right(regime)
      : Either.left(
          new UnknownRegime({ message: `no regime called ${id}`, regime: id, known: [...this.byId.keys()] }),
        );
  }

  /** The regime, provided it was in force on `date`: a regime cannot decide what happened before it existed. */
  inForce(id: string | undefined, date: IsoDate): Either.Either<Regime, UnknownRegime | RegimeNotInForce> {
    return Either.flatMap(this.find(id), (regime) =>
      regime.inForceOn(date)
        ? Either.right(regime)
        : Either.left(
            new RegimeNotInForce({
              message: `${regime.id} is in force from ${regime.validFrom}${regime.validTo ? ` to ${regime.validTo}` : ""}, not on ${date}`,
              regime: regime.id,
              date,
              validFrom: regime.validFrom,
              validTo: regime.validTo ?? null,
            }),
          ),
    );
  }

  with(regime: Regime): RegimeRegistry {
    return new RegimeRegistry([...this.regimes.filter((r) => r.id !== regime.id), regime], this.defaultId);
  }
}

/** The registry as a service, for programs (the server) that provide it by a layer. */
export class Regimes extends Context.Tag("@liuhen/domain/Regimes")<Regimes, RegimeRegistry>() {
  static layer = (registry: RegimeRegistry) => Layer.succeed(Regimes, registry);
}
