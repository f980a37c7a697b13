import { formatHourlyUsd } from "../plan/money";
import { TEXT_COLUMNS, columns, wrap } from "./wrap";

/** The narrowest the last column is wrapped to; a table that leaves it less stays wide rather than unreadable. */
const MIN_LAST_COLUMN = 24;

/**
 * Renders rows as a left-aligned text table with a header rule (numbers right-aligned). A last column of text
 * that would run past TEXT_COLUMNS (a reason, a list) is wrapped within it, under its own start.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(columns(h), ...cells.map((r) => columns(r[i] ?? ""))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || /^\$?[\d,.]+(\/h)?$/.test(String(r[i]))));
  const last = headers.length - 1;
  const lastStart = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const lastWidth = TEXT_COLUMNS - lastStart;
  const wrapLast = !numeric[last] && lastStart + widths[last] > TEXT_COLUMNS && lastWidth >= MIN_LAST_COLUMN;
  if (wrapLast) widths[last] = Math.max(columns(headers[last]), lastWidth);
  const pad = (c: string, i: number) => (numeric[i] ? c.padStart(widths[i] + c.length - columns(c)) : c.padEnd(widths[i] + c.length - columns(c)));
  const line = (r: readonly string[]) => {
    if (!wrapLast) return r.map(pad).join("  ").trimEnd();
    const [first, ...more] = wrap(r[last] ?? "", "", lastWidth).split("\n");
    const head = [...r.slice(0, last).map(pad), first].join("  ").trimEnd();
    return [head, ...more.map((l) => " ".repeat(lastStart) + l)].join("\n");
  };
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** An hourly price, or `none` where there is none (a type without a spot estimate). */
export function hourlyOr(x: number | null, none = "–"): string {
  return x === null ? none : formatHourlyUsd(x);
}

/** A table, a blank line, then its notes, each wrapped with an indent. */
export function withNotes(table: string, notes: readonly string[]): string {
  return `${table}\n\n${notes.map((n) => wrap(n, "  ")).join("\n")}`;
}

/** "2", or "2 (2–4)" where the capacity scales: desired, then min–max. */
export function instancesText(i: { readonly min: number; readonly desired: number; readonly max: number }): string {
  return i.min === i.max ? String(i.desired) : `${i.desired} (${i.min}–${i.max})`;
}
