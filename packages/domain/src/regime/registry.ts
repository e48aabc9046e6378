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

const unknownMessage = (id: string) => `no regime called ${id}`;
const notInForceMessage = (regime: Regime, date: IsoDate) =>
  `${regime.id} is in force from ${regime.validFrom}${regime.validTo ? ` to ${regime.validTo}` : ""}, not on ${date}`;

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
    return regime ? Either.right(regime) : Either.left(this.unknown(id));
  }

  /** The regime, provided it was in force on `date`: a regime cannot decide what happened before it existed. */
  inForce(id: string | undefined, date: IsoDate): Either.Either<Regime, UnknownRegime | RegimeNotInForce> {
    const regime = this.byId.get(id ?? this.defaultId);
    if (regime === undefined) return Either.left(this.unknown(id ?? this.defaultId));
    return regime.inForceOn(date) ? Either.right(regime) : Either.left(this.notInForce(regime, date));
  }

  /**
   * `find`, or `inForce` when a date is given, answering a refusal as its tag and message only: `assess`
   * turns it into a contract error at once, and building the error (an Error, with its stack) for every
   * refused request showed in profiles.
   */
  resolve(
    id: string | undefined,
    date: IsoDate | undefined,
  ): Either.Either<Regime, { readonly tag: "UnknownRegime" | "RegimeNotInForce"; readonly message: string }> {
    const regime = this.byId.get(id ?? this.defaultId);
    if (regime === undefined)
      return Either.left({ tag: "UnknownRegime", message: unknownMessage(id ?? this.defaultId) });
    if (date === undefined || regime.inForceOn(date)) return Either.right(regime);
    return Either.left({ tag: "RegimeNotInForce", message: notInForceMessage(regime, date) });
  }

  // Fields from this registry's own regimes: the errors are constructed without checking them again.
  private unknown(id: string): UnknownRegime {
    return new UnknownRegime({ message: unknownMessage(id), regime: id, known: [...this.byId.keys()] }, true);
  }

  private notInForce(regime: Regime, date: IsoDate): RegimeNotInForce {
    return new RegimeNotInForce(
      {
        message: notInForceMessage(regime, date),
        regime: regime.id,
        date,
        validFrom: regime.validFrom,
        validTo: regime.validTo ?? null,
      },
      true,
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
