/**
 * Staff for the page tests, made the way an agency makes them: the first administrator (made by the test
 * server) creates the account over the API with a password of its choosing, which the holder must change.
 */

import { call, signIn, signInChangingPassword } from "../../../server/test/support/http.js";
import { ADMIN, AGENCY } from "../../../server/test/support/test-server.js";

export { AGENCY };

export interface NewAccount {
  readonly username: string;
  readonly personId: string;
  readonly displayName: string;
  /** The password the administrator set, which must be changed at the first sign-in. */
  readonly password: string;
}

/** Creates a legal officer's account over the API, as the agency's administrator. */
export const createLegalOfficer = async (url: string, account: NewAccount): Promise<void> => {
  const admin = await signIn(url, { agency: AGENCY, ...ADMIN });
  const created = await call(
    url,
    "mutation",
    "admin.createAccount",
    {
      username: account.username,
      personId: account.personId,
      displayName: account.displayName,
      roles: ["legal-officer"],
      password: account.password,
    },
    admin,
  );
  if (created.error !== null) throw new Error(`admin.createAccount failed: ${created.body}`);
};

/** The legal officer signed in over HTTP with a password of their own. */
export const legalOfficerSession = (url: string, account: NewAccount, ownPassword: string) =>
  signInChangingPassword(
    url,
    { agency: AGENCY, username: account.username, password: account.password },
    ownPassword,
    "198.18.0.77",
  );

export { call };
