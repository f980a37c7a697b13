/** Renders rows as a left-aligned text table with a header rule (numbers right-aligned). */
export function renderTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || /^\$?[\d,.]+(\/h)?$/.test(String(r[i]))));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** An hourly price: three decimals under $10 (AWS quotes to the tenth of a cent), two above. */
export function usd(x: number): string {
  return `$${x.toFixed(x < 10 ? 3 : 2)}`;
}

/** "2", or "2 (2–4)" where the capacity scales: desired, then min–max. */
export function instancesText(i: { readonly min: number; readonly desired: number; readonly max: number }): string {
  return i.min === i.max ? String(i.desired) : `${i.desired} (${i.min}–${i.max})`;
}
