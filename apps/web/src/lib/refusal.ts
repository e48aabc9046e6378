/** An API refusal as the pages show it (made by server/refusal.ts from tRPC's `error.data`). */
export interface Refusal {
  /** Liuhen's stable error tag (`InvalidInput`, `IntakeThrottled`…). */
  readonly tag: string;
  readonly zh: string;
  readonly en: string;
  /** The input field it concerns (the first name of the error's path), or null for the form as a whole. */
  readonly field: string | null;
}
