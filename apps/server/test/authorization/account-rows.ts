/**
 * Rows of the authorization matrix for the regulation's public text, signing in and account management.
 */
import { call } from "../support/http.js";
import { AGENCY } from "../support/test-server.js";
import { type MatrixEnv, PASSWORD, type Rows } from "./matrix.js";

/** A fresh account made by the root administrator, for a cell to act on. */
const target = async ({ url, root }: MatrixEnv, unique: string, disabled = false) => {
  const made = await call(
    url,
    "mutation",
    "admin.createAccount",
    {
      username: `target-${unique}`,
      personId: `person-target-${unique}`,
      roles: ["handler"],
      password: PASSWORD,
    },
    root,
  );
  const accountId = (made.data as { account: { accountId: string } }).account.accountId;
  if (disabled) await call(url, "mutation", "admin.disableAccount", { accountId }, root);
  return accountId;
};

export const ACCOUNT_ROWS: Rows = {
  "domain.assess": {
    kind: "query",
    access: "anyone",
    input: async () => ({ kind: "period", period: "WC.10.1", start: "2024-09-27" }),
  },
  "domain.article": { kind: "query", access: "anyone", input: async () => ({ id: "IF.12b" }) },
  "domain.regime": { kind: "query", access: "anyone", input: async () => ({}) },

  "auth.login": {
    kind: "mutation",
    access: "anyone",
    input: async ({ username }) => ({
      agency: AGENCY,
      username: username ?? "matrix-handler",
      password: PASSWORD,
    }),
  },
  "auth.logout": {
    kind: "mutation",
    access: "signed-in",
    duringPasswordChange: true,
    input: async () => undefined,
  },
  "auth.me": { kind: "query", access: "signed-in", duringPasswordChange: true, input: async () => undefined },
  "auth.createToken": {
    kind: "mutation",
    access: "signed-in",
    input: async ({ unique }) => ({ name: unique }),
  },
  "auth.revokeToken": {
    kind: "mutation",
    access: "signed-in",
    input: async ({ identity, session, unique }, { url }) => {
      // Nobody, and nobody who must change their password, can make a token to revoke.
      if (session === null || identity.mustChangePassword) {
        return { tokenId: "00000000-0000-4000-8000-000000000000" };
      }
      const made = await call(url, "mutation", "auth.createToken", { name: unique }, session);
      return { tokenId: (made.data as { tokenId: string }).tokenId };
    },
  },
  "auth.listTokens": { kind: "query", access: "signed-in", input: async () => undefined },
  "auth.changePassword": {
    kind: "mutation",
    access: "signed-in",
    duringPasswordChange: true,
    // The same password again: a valid change that leaves later cells able to sign in. A password an
    // administrator set must be replaced by another (the cell's account is its own).
    input: async ({ identity }) => ({
      currentPassword: PASSWORD,
      newPassword: identity.mustChangePassword ? "matrix-own-passphrase" : PASSWORD,
    }),
  },

  "admin.listAccounts": { kind: "query", access: ["admin"], input: async () => undefined },
  "admin.createAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ username: `made-${unique}`, roles: ["handler"] }),
  },
  "admin.grantRoles": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ accountId: await target(env, unique), roles: ["committee"] }),
  },
  "admin.revokeRoles": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ accountId: await target(env, unique), roles: ["handler"] }),
  },
  "admin.disableAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ accountId: await target(env, unique), reason: "matrix" }),
  },
  "admin.enableAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ accountId: await target(env, unique, true) }),
  },
  "admin.resetPassword": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ accountId: await target(env, unique) }),
  },
  "admin.holidayYears": { kind: "query", access: ["admin"], input: async () => undefined },
  "admin.addHolidayYear": {
    kind: "mutation",
    access: ["admin"],
    // An INVENTED year far off, with a reason, so each administrator's cell may add it again.
    input: async () => ({
      year: {
        year: 2099,
        notice: {
          title: "授权矩阵测试用虚构通知",
          documentNumber: "国办发明电〔2098〕0号",
          issued: "2098-11-01",
        },
        holidays: [],
      },
      reason: "授权矩阵测试",
    }),
  },
};
