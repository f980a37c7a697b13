import { InvalidRequirementError } from "./errors";

/** What a number must be. Bounds are inclusive; `above` is an exclusive floor (e.g. a price above 0). */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  /** Appended to the range, e.g. "GiB" or "vCPUs". */
  readonly unit?: string;
  /** Why the bounds are what they are, e.g. "AWS Batch allows 1 to 10 attempts". */
  readonly why?: string;
}

/** Throws unless `value` is a finite number within the rule; undefined passes (the prop is optional). */
export function checkNumber(property: string, value: unknown, rule: NumberRule): void {
  if (value === undefined) return;
  if (!isNumberWithin(value, rule)) throw new InvalidRequirementError(property, value, describeRule(rule));
}

export function isNumberWithin(value: unknown, rule: NumberRule): value is number {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max)
  );
}

/** "give a whole number from 1 to 10 (AWS Batch allows 1 to 10 attempts)". */
export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? "a whole number" : "a number";
  const unit = rule.unit ? ` ${rule.unit}` : "";
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` from ${rule.min} to ${rule.max}${unit}`
      : rule.above !== undefined && rule.max !== undefined
        ? ` above ${rule.above} and at most ${rule.max}${unit}`
        : rule.above !== undefined
          ? ` above ${rule.above}${unit}`
          : rule.min !== undefined
            ? ` of at least ${rule.min}${unit}`
            : rule.max !== undefined
              ? ` of at most ${rule.max}${unit}`
              : unit;
  return `give ${kind}${range}${rule.why ? ` (${rule.why})` : ""}`;
}

/** A count of things: 1 or more, whole. */
export const POSITIVE_WHOLE: NumberRule = { integer: true, min: 1 };
/** A size or rate: finite and above 0. */
export const POSITIVE: NumberRule = { above: 0 };
