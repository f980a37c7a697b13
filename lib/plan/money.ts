/** Hours in the month that cost figures use (AWS's pricing calculator convention). */
export const HOURS_PER_MONTH = 730;

/** "$80,358.40": how reports and budget messages print money. */
export function formatUsd(x: number): string {
  return `$${groupThousands(x, 2)}`;
}

/**
 * "80,358.40": `x` to `decimals` places with a comma between thousands, as en-US prints it, without
 * toLocaleString (whose first call starts ICU: ~25 ms of a CLI's start).
 */
export function groupThousands(x: number, decimals = 0): string {
  const [whole, fraction] = roundHalfUp(Math.abs(x), decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = x < 0 && /[1-9]/.test(whole + (fraction ?? ""));
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * `x` (not negative) to `decimals` places, rounding half up the decimal digits it prints as, as Intl.NumberFormat does
 * ("162839223423.6985" → ".699"), where toFixed rounds the binary value below it (".698").
 */
function roundHalfUp(x: number, decimals: number): string {
  const text = String(x);
  if (/e/i.test(text)) return x.toFixed(decimals);
  const [int, frac = ""] = text.split(".");
  if (frac.length <= decimals) return decimals ? `${int}.${frac.padEnd(decimals, "0")}` : int;
  const kept = int + frac.slice(0, decimals);
  const digits = frac.charCodeAt(decimals) - 48 >= 5 ? (BigInt(kept) + 1n).toString().padStart(kept.length, "0") : kept;
  const cut = digits.length - decimals;
  return decimals ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
}

/** An hourly price: three decimals under $10 (AWS quotes to the tenth of a cent), else as formatUsd. */
export function formatHourlyUsd(x: number): string {
  return x < 10 ? `$${x.toFixed(3)}` : formatUsd(x);
}

/** Money to the cent: what months and reports carry. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Hourly prices to a hundredth of a cent: AWS quotes some to four decimals and more. */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** "+$2,606.83", "−$9,400.06" (a minus sign, not a hyphen), "$0.00": how reports print a change in money. */
export function formatUsdChange(delta: number): string {
  return delta > 0 ? `+${formatUsd(delta)}` : delta < 0 ? `−${formatUsd(-delta)}` : formatUsd(0);
}
