/**
 * The legal section's and the head's figures (IF.4 加强检查、抽查; WC.10): interference records by category,
 * month and department, and wrong-case proceedings by stage and month, over the months asked for. Which
 * figures a reader gets is the API's to decide; what it refuses is left out.
 */
import { api } from "$lib/server/api.js";
import { refusalOf } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { PageServerLoad } from "./$types.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const orNull = async <A>(figures: Promise<A>): Promise<A | null> => {
  try {
    return await figures;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal !== null && refusal.status < 500) return null;
    throw error;
  }
};

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const from = event.url.searchParams.get("from") ?? "";
  const to = event.url.searchParams.get("to") ?? "";
  const period = { ...(MONTH.test(from) ? { from } : {}), ...(MONTH.test(to) ? { to } : {}) };
  const client = api(event);
  const [records, wrongCases] = await Promise.all([
    orNull(client.oversight.statistics.query(period)),
    orNull(client.oversight.wrongCaseStatistics.query(period)),
  ]);
  return { from: period.from ?? "", to: period.to ?? "", records, wrongCases };
};
