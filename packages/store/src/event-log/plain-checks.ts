/**
 * The envelope's field rules as plain predicates, shared by the Schemas in identifiers.ts and by the two hot
 * paths that must not pay for a Schema decode of a well-formed value: an append (event-validation.ts) and a
 * verifier reading an export line by line (verify/export-verifier.ts). On anything these refuse, the hot
 * paths fall back to the Schema, which names the field; so they may refuse more, never accept more.
 */

export const AGENCY_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;
export const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;
export const CITATION_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** `Schema.UUID`'s pattern. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/i;
export const ACTOR_MAX_LENGTH = 200;

/** No control characters and no lone surrogates: text that survives a round trip through UTF-8 unchanged. */
export const isStorable = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
};

export const matches = (pattern: RegExp, value: unknown): value is string =>
  typeof value === "string" && pattern.test(value);

/** `Actor`: storable text of 1–200 characters, without white space at either end. */
export const isActor = (s: unknown): s is string =>
  typeof s === "string" && s.length >= 1 && s.length <= ACTOR_MAX_LENGTH && s.trim() === s && isStorable(s);

/** A count or position: a non-negative safe integer (`StreamVersion`, `TreeSize`). */
export const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

export const isCitationList = (list: unknown): list is ReadonlyArray<string> =>
  Array.isArray(list) && list.every((c) => matches(CITATION_REF, c));

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A JSON value of plain objects and arrays (no holes), finite numbers, strings, booleans and null. */
export const isPlainJson = (value: unknown): boolean => {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value))
        if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return Object.getOwnPropertySymbols(value).length === 0;
    }
    default:
      return false;
  }
};

/** Whether an object has exactly these own keys (a Schema decode with `onExcessProperty: "error"`). */
export const hasExactly = (value: object, keys: ReadonlyArray<string>): boolean => {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
};
