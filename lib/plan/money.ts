/** Hours in the month that cost figures use (AWS's pricing calculator convention). */
export const HOURS_PER_MONTH = 730;

/** "$80,358.40": how reports and budget messages print money. */
export function formatUsd(x: number): string {
  return `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
