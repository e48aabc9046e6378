/**
 * JSON values, exactly: what an event payload may be. Numbers must be finite; anything a JSON text cannot
 * hold (undefined, functions, NaN) is refused with its path. Class instances such as Date are for the
 * payload's own Schema to encode first.
 */
import canonicalizeModule from "canonicalize";
import { Schema } from "effect";

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | ReadonlyArray<JsonValue>
  | { readonly [key: string]: JsonValue };

export const JsonValue: Schema.Schema<JsonValue> = Schema.Union(
  Schema.Null,
  Schema.Boolean,
  Schema.Finite,
  Schema.String,
  Schema.Array(Schema.suspend((): Schema.Schema<JsonValue> => JsonValue)),
  Schema.Record({ key: Schema.String, value: Schema.suspend((): Schema.Schema<JsonValue> => JsonValue) }),
).annotations({ identifier: "JsonValue", description: "a JSON value" });

// The package is CommonJS whose typings declare a default export; under NodeNext the function arrives as
// the module itself.
const canonicalize = ((canonicalizeModule as unknown as { default?: unknown }).default ??
  canonicalizeModule) as (input: unknown) => string | undefined;

/** RFC 8785 (JCS) text of a JSON value: keys sorted by UTF-16 code units, numbers as ECMAScript writes them. */
export const canonicalJson = (value: JsonValue): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("not a JSON value");
  return text;
};
