/** Markdown for pull-request comments: `report --markdown` and `report --compare-to --markdown`. */
import { replaceActiveCharacters } from "../validation/active-characters";

/**
 * A GitHub table; columns whose header names a price (`$/month`) are right-aligned. Cells are Markdown: text from
 * the plan in them comes from markdownCode. Every `|` is escaped, which GitHub honours inside code spans too.
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = (h: string) => h.startsWith("$") || h.includes("$/");
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map((h) => (numeric(h) ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((cell) => String(cell).replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");
}

/**
 * Text from the plan as an inline code span, the one place GitHub leaves text as it is: a stack or construct name
 * must not open a heading, a link, an image or HTML in a pull-request comment, nor mention someone (`@octocat`,
 * which `&#64;` does not stop: GitHub decodes the entity first), link an issue or commit (`#1`, `org/repo#2`,
 * `GH-12`, a SHA), autolink a URL or render an `:emoji:`. Active characters (a line break, ESC, bidi controls)
 * are shown as "�", so the span stays on its line. The fence is one backtick longer than the longest run inside,
 * padded with a space where the name starts or ends with a backtick or a space (CommonMark strips one of each).
 */
export function markdownCode(text: string): string {
  const name = replaceActiveCharacters(text);
  // A loop, not Math.max(...runs): a name may hold more runs than a call takes arguments.
  let longestRun = 0;
  for (const run of name.matchAll(/`+/g)) longestRun = Math.max(longestRun, run[0].length);
  const fence = "`".repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(name) && /[^ ]/.test(name) ? " " : "";
  // An empty name would leave two backticks, which are not a span: a space inside is shown as an empty span.
  return name === "" ? "` `" : `${fence}${pad}${name}${pad}${fence}`;
}
