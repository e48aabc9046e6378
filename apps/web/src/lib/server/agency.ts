/**
 * The agency the public pages take reports for and the sign-in form suggests: LIUHEN_AGENCY, else the demo
 * agency `npm start` seeds. A `?agency=` on the report and status pages speaks for another agency served by
 * the same deployment.
 */
import { env } from "$env/dynamic/private";

export const DEMO_AGENCY = "qianjiang-msa";

export const defaultAgency = (): string => env.LIUHEN_AGENCY ?? DEMO_AGENCY;

/** The agency a public page speaks for: the one its link names, else the default. */
export const agencyOf = (url: URL): string => {
  const named = url.searchParams.get("agency");
  return named !== null && /^[a-z0-9][a-z0-9-]{0,63}$/.test(named) ? named : defaultAgency();
};
