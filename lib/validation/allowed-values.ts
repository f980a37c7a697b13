import { InvalidRequirementError } from "./errors";

/**
 * Throws unless `value` is one of `allowed` (an `as const` array the type is derived from).
 * Compared by identity against the array's own items, so "constructor" or "__proto__" never pass.
 */
export function checkOneOf<T extends string>(property: string, value: unknown, allowed: readonly T[]): asserts value is T | undefined {
  if (value !== undefined && !isOneOf(value, allowed)) {
    throw new InvalidRequirementError(property, value, `use one of ${allowed.join(", ")}`);
  }
}

export function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}

/** `record[key]` only when `key` is the record's own property: never an Object.prototype member. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Throws unless `value` is a string matching `pattern` (non-strings never reach the pattern). */
export function checkPattern(property: string, value: unknown, pattern: RegExp, expected: string): void {
  if (typeof value !== "string" || !pattern.test(value)) throw new InvalidRequirementError(property, value, expected);
}

/** An array with no holes: `forEach` and `every` skip holes, later code would meet them as undefined. */
export function isDenseList(value: unknown): value is readonly unknown[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}
