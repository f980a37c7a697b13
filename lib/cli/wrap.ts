/** Text output fits this many columns (tables, prose, help); Markdown is read in a browser and may be wider. */
export const TEXT_COLUMNS = 100;

/** Columns a string takes: one per code point (the CLI prints no wide or combining characters). */
export function columns(text: string): number {
  return [...text].length;
}

/**
 * Each line of `text` broken at spaces to fit `width`, continuation lines starting with `indent`; spaces
 * within a line (its indent, a table's padding) are kept. A word longer than a line (a long path) stays whole.
 */
export function wrap(text: string, indent = "", width = TEXT_COLUMNS): string {
  return text
    .split("\n")
    .map((paragraph) => wrapLine(paragraph, indent, width))
    .join("\n");
}

function wrapLine(text: string, indent: string, width: number): string {
  if (columns(text) <= width) return text;
  const lines: string[] = [];
  let line = "";
  // Each word with the spaces before it: a line keeps its own alignment; a break drops the spaces.
  for (const [, spaces, word] of text.matchAll(/( *)([^ ]+)/g)) {
    const candidate = line + spaces + word;
    if (line.trim() === "" || columns(candidate) <= width) {
      line = candidate;
    } else {
      lines.push(line);
      line = indent + word;
    }
  }
  lines.push(line);
  return lines.join("\n");
}

/**
 * A command's usage broken between its top-level groups (`[--gpus L40S,A10G | --any-of L40S,A10G]` stays on
 * one line), continuation lines indented; a group longer than a line is wrapped at its spaces.
 */
export function wrapUsage(usage: string, indent: string, width = TEXT_COLUMNS): string {
  const groups: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of usage) {
    if (c === " " && depth === 0) {
      if (current) groups.push(current);
      current = "";
      continue;
    }
    if (c === "[" || c === "(" || c === "<") depth++;
    if (c === "]" || c === ")" || c === ">") depth = Math.max(0, depth - 1);
    current += c;
  }
  if (current) groups.push(current);
  const lines: string[] = [];
  let line = "";
  for (const group of groups) {
    const candidate = line ? `${line} ${group}` : group;
    if (!line || columns(candidate) <= width) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = indent + group;
  }
  lines.push(line);
  return lines.map((l) => wrap(l, indent + "  ", width)).join("\n");
}
