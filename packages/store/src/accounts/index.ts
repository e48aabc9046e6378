/**
 * Accounts and signing in: account changes as events in the agency's log with the `accounts` projection
 * (account-events.ts, account-projection.ts, accounts.ts), and beside the log, what must never enter it:
 * argon2id password hashes (password-hashing.ts), web sessions (sessions.ts), API tokens (api-tokens.ts) and
 * the login throttle (login-throttle.ts). Tables: migration `0003_accounts`.
 *
 * Register `accountsProjection` with the other projections (`proceedingsLayer({ projections:
 * [accountsProjection] })`), then put `accountsLayer(…)` over it; or take `withAccounts`, which adds the
 * staff directory, notifications and the public intake (src/people/, src/notifications/, src/intake/) as well.
 */
import type { SqlClient } from "@effect/sql";
import { DEFAULT_REGISTRY } from "@liuhen/domain";
import { Layer } from "effect";
import { Attachments } from "../attachments/attachments.js";
import { attestationsProjection } from "../attestations/attestation-projection.js";
import { Attestations } from "../attestations/attestations.js";
import { AgencyCalendars } from "../calendar/agency-calendars.js";
import { holidayYearsProjection } from "../calendar/holiday-year-projection.js";
import { HolidayYears } from "../calendar/holiday-years.js";
import { issuedDocumentsProjection } from "../documents/document-projection.js";
import { Documents } from "../documents/documents.js";
import type { EventLog } from "../event-log/event-log.js";
import { type Intake, type IntakeLayerOptions, intakeLayer } from "../intake/intake.js";
import { intakeProjection } from "../intake/intake-projection.js";
import type { IntakeThrottle } from "../intake/intake-throttle.js";
import { nonRecordingProjection } from "../non-recording/non-recording-projection.js";
import { NonRecordingRegister } from "../non-recording/non-recording-register.js";
import { notificationsProjection } from "../notifications/notification-projection.js";
import { Notifications } from "../notifications/notifications.js";
import { Directory } from "../people/directory.js";
import { peopleProjection } from "../people/person-projection.js";
import { personnelActionsProjection } from "../personnel-actions/personnel-action-projection.js";
import { PersonnelActions } from "../personnel-actions/personnel-actions.js";
import {
  type Proceedings,
  type ProceedingsLayerOptions,
  proceedingsLayer,
} from "../projections/proceedings.js";
import type { Projections } from "../projections/projection.js";
import { spotChecksProjection } from "../spot-checks/spot-check-projection.js";
import { SpotChecks } from "../spot-checks/spot-checks.js";
import { Statistics, statisticsProjection } from "../statistics/index.js";
import { accountsProjection } from "./account-projection.js";
import { Accounts } from "./accounts.js";
import { ApiTokens } from "./api-tokens.js";
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle, type LoginThrottleOptions } from "./login-throttle.js";
import { type Argon2Parameters, OWASP_ARGON2ID, PasswordHasher } from "./password-hashing.js";
import { DEFAULT_SESSION_TTL, type SessionOptions, Sessions } from "./sessions.js";

export * from "./account-events.js";
export * from "./account-identifiers.js";
export * from "./account-projection.js";
export * from "./accounts.js";
export * from "./api-tokens.js";
export * from "./errors.js";
export * from "./login-throttle.js";
export * from "./password-hashing.js";
export * from "./secrets.js";
export * from "./sessions.js";

export interface AccountsLayerOptions {
  readonly sessions?: SessionOptions | undefined;
  readonly loginThrottle?: LoginThrottleOptions | undefined;
  readonly argon2?: Argon2Parameters | undefined;
}

export type AccountServices = Accounts | Sessions | ApiTokens | LoginThrottle | PasswordHasher;

/**
 * What a server runs on besides the proceedings: the account services, the staff directory, notifications,
 * the public intake and personnel actions.
 */
export type StoreServices =
  | AccountServices
  | Directory
  | Notifications
  | Intake
  | IntakeThrottle
  | PersonnelActions
  | SpotChecks
  | NonRecordingRegister
  | Attestations
  | Attachments
  | Statistics
  | Documents
  | HolidayYears;

/** Every account service, over a store whose Projections include `accountsProjection`. */
export const accountsLayer = (
  options: AccountsLayerOptions = {},
): Layer.Layer<AccountServices, never, EventLog | Projections | SqlClient.SqlClient> =>
  Accounts.layer.pipe(
    Layer.provideMerge(PasswordHasher.layer(options.argon2 ?? OWASP_ARGON2ID)),
    Layer.merge(Sessions.layer(options.sessions ?? { ttl: DEFAULT_SESSION_TTL })),
    Layer.merge(ApiTokens.layer),
    Layer.merge(LoginThrottle.layer(options.loginThrottle ?? DEFAULT_LOGIN_THROTTLE)),
  );

/**
 * A store with accounts, the staff directory, notifications, the public intake and personnel actions: the
 * proceeding projections, `accounts`, `people`, `notifications`, `public-intake` and `personnel-actions`
 * registered together (so a rebuild covers them all), every service over them, and the store itself. What the
 * server and `liuhen admin` run on. The proceedings' periods are counted on each agency's holiday calendar,
 * the years its operator added included (`HolidayYears`, src/calendar/).
 */
export const withAccounts = <E, R>(
  store: Layer.Layer<EventLog | SqlClient.SqlClient, E, R>,
  options: AccountsLayerOptions & ProceedingsLayerOptions & IntakeLayerOptions = {},
): Layer.Layer<StoreServices | Proceedings | Projections | EventLog | SqlClient.SqlClient, E, R> => {
  // Periods are counted on each agency's calendar: the released years and those its operator added.
  const calendars = new AgencyCalendars(DEFAULT_REGISTRY);
  return Layer.mergeAll(
    accountsLayer(options),
    Directory.layer,
    Notifications.layer,
    intakeLayer(options),
    PersonnelActions.layer,
    SpotChecks.layer,
    NonRecordingRegister.layer,
    Attestations.layer,
    Attachments.layer,
    Statistics.layer,
    Documents.layer,
    HolidayYears.layer(calendars),
  ).pipe(
    Layer.provideMerge(
      proceedingsLayer({
        ...options,
        regimeOf: options.regimeOf ?? calendars.regimeOf,
        projections: [
          accountsProjection,
          peopleProjection,
          notificationsProjection,
          intakeProjection,
          personnelActionsProjection,
          spotChecksProjection,
          nonRecordingProjection,
          attestationsProjection,
          statisticsProjection,
          issuedDocumentsProjection,
          holidayYearsProjection(calendars),
          ...(options.projections ?? []),
        ],
      }),
    ),
    Layer.provideMerge(store),
  );
};
