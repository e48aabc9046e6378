/**
 * The interference record form (IF.3 时间、地点、人物、方式、内容) as the pages hold it: every field as text, so
 * what was typed survives a refused save, and its two readings — the facts the domain's `assess` categorises
 * (for the live preview in the browser) and the input of the API's `interference.record` (for the save).
 * Neither decides anything: the domain categorises, the API checks.
 */

/** The form's fields; `acts` holds the chosen act kinds joined by commas, a checkbox "on" or "". */
export const RECORD_FIELDS = [
  "time",
  "place",
  "personKind",
  "personStaff",
  "personOther",
  "relation",
  "employment",
  "capacity",
  "method",
  "content",
  "caseRef",
  "acts",
  "withinAuthority",
  "actDescription",
  "viaProcedure",
  "onBehalfOfParty",
  "response",
] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];
export type RecordFormValues = Record<RecordField, string>;

export const emptyRecordForm = (): RecordFormValues =>
  Object.fromEntries(
    RECORD_FIELDS.map((field) => [field, field === "personKind" ? "staff" : ""]),
  ) as RecordFormValues;

/** A submitted form's values, as text (several checked acts joined by commas). */
export const recordFormValues = (form: FormData): RecordFormValues => {
  const values = emptyRecordForm();
  for (const field of RECORD_FIELDS) {
    const all = form.getAll(field).filter((value): value is string => typeof value === "string");
    values[field] = field === "acts" ? all.join(",") : (all[0] ?? values[field]);
  }
  return values;
};

export const chosenActs = (values: RecordFormValues): ReadonlyArray<string> =>
  values.acts.split(",").filter((act) => act !== "");

const checked = (value: string): boolean => value === "on" || value === "true";
const given = (value: string): string | undefined => (value.trim() === "" ? undefined : value);

/** The acts as the domain takes them: each with the duties flag and, for `other`, the description. */
const acts = (values: RecordFormValues) =>
  chosenActs(values).map((act) => ({
    act,
    withinAuthority: checked(values.withinAuthority),
    ...(act === "other" && given(values.actDescription) ? { description: values.actDescription } : {}),
  }));

/** Where a member of staff stands in the directory, for IF.2's relation (current or former staff). */
export type StaffStatus = (personId: string) => "active" | "departed" | undefined;

/**
 * The domain's `interference` request for the contact as typed so far (the JSON contract of `assess`), the
 * way the API builds it on saving: the record is being made, so `recorded` holds.
 */
export const contactRequest = (values: RecordFormValues, staffStatus: StaffStatus) => {
  const staff = values.personKind === "staff";
  const relation = staff
    ? staffStatus(values.personStaff) === "departed"
      ? "former"
      : "current"
    : values.relation || "none";
  const day = values.time.slice(0, 10);
  return {
    kind: "interference",
    ...(/^\d{4}-\d{2}-\d{2}$/.test(day) ? { asOf: day } : {}),
    person: {
      relation,
      ...(given(values.employment) && relation !== "none" ? { employment: values.employment } : {}),
      role: values.capacity,
    },
    acts: acts(values),
    method: values.method,
    viaProcedure: checked(values.viaProcedure),
    recorded: true,
    onBehalfOfParty: checked(values.onBehalfOfParty),
  };
};

/** The `interference.record` input: the five elements, the acts, the answer and the stored files. */
export const recordInput = (values: RecordFormValues, attachments: ReadonlyArray<string>) => {
  const staff = values.personKind === "staff";
  return {
    // <input type="datetime-local"> gives YYYY-MM-DDTHH:mm, the record's own shape.
    time: values.time,
    place: values.place,
    person: staff
      ? { staff: values.personStaff, ...(given(values.employment) ? { employment: values.employment } : {}) }
      : {
          other: values.personOther,
          ...(given(values.relation) ? { relation: values.relation } : {}),
          ...(given(values.employment) ? { employment: values.employment } : {}),
        },
    capacity: values.capacity,
    method: values.method,
    content: values.content,
    caseRef: values.caseRef,
    acts: acts(values),
    viaProcedure: checked(values.viaProcedure),
    onBehalfOfParty: checked(values.onBehalfOfParty),
    response: given(values.response) ?? null,
    attachments: attachments.map((sha256) => ({ sha256 })),
  };
};
