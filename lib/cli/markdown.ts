/** Markdown for pull-request comments: `report --markdown` and `report --compare-to --markdown`. */

/** A GitHub table; columns whose header names a price (`$/month`) are right-aligned. Every cell is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = (h: string) => h.startsWith("$") || h.includes("$/");
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map((h) => (numeric(h) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((cell) => markdownText(String(cell))).join(" | ")} |`),
  ].join("\n");
}

/**
 * Text from the plan as inert Markdown: a stack or construct name must not open a heading, a link, an
 * image, a mention or HTML in a pull-request comment, nor break out of its table cell.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
