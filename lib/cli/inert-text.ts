/**
 * What the CLI prints cannot act. A plan's names (stacks, construct paths, instance types) are written by whoever
 * wrote the pull request, and the answer goes to a terminal, a CI log and a pull-request comment. runCli passes
 * everything it prints through here, whatever the command: text and Markdown line by line, JSON as escapes, so
 * that no layout (a table, a wrapped line) can carry a name past the check.
 *
 * - Active characters (controls with ESC, DEL and C1, bidi overrides and isolates, zero-width and other
 *   invisible characters: lib/validation/active-characters.ts) are shown as "�" in text and Markdown; JSON writes
 *   them as \u escapes, so it parses to the exact data.
 * - Workflow commands are written so no runner takes them. GitHub's runner takes a line whose first non-blank
 *   characters are `::` (`::add-mask::x`, `::stop-commands::token`) and, in its older form, `##[` anywhere in a line;
 *   Azure Pipelines takes `##vso[` anywhere. A backslash goes before the `::` or the `[`: `\::add-mask::x`, `##\[`.
 */
import { escapeActiveCharacters, replaceActiveCharacters } from "../validation/active-characters";

/** A runner's command: `::` first on the line after blanks (the runner trims them), or `##[` / `##vso[` anywhere. */
const LINE_COMMAND = /^(\s*)::/;
const BRACKET_COMMAND = /##(vso)?\[/gi;

/** One line, inert: active characters (a line break too) shown as "�", workflow commands disarmed. */
export function inertLine(line: string): string {
  return replaceActiveCharacters(line)
    .replace(LINE_COMMAND, "$1\\::")
    .replace(BRACKET_COMMAND, (command) => `${command.slice(0, -1)}\\[`);
}

/** Text or Markdown, inert line by line; its own line breaks stay. */
export function inertText(text: string): string {
  return text.split("\n").map(inertLine).join("\n");
}

/**
 * JSON text, inert and still the same data: active characters and the `[` of `##[` written as \u escapes. Both can
 * only occur inside strings (JSON's own syntax is ASCII, and no token but a string holds `#`), where an escape
 * parses back to the same character. JSON.stringify already escapes C0 controls, so its line breaks are its own.
 */
export function inertJson(json: string): string {
  return json
    .split("\n")
    .map((line) => escapeActiveCharacters(line).replace(BRACKET_COMMAND, (command) => `${command.slice(0, -1)}\\u005b`))
    .join("\n");
}
