/**
 * Characters that act instead of showing when text reaches a terminal, a CI log or a browser: controls (C0, with
 * ESC, which opens ANSI colour, cursor and OSC-8 hyperlink sequences; DEL; C1, whose CSI and OSC act alone on some
 * terminals), format characters (the bidi overrides and isolates that reorder what a reviewer reads, zero-width
 * characters), line and paragraph separators, and the rest of Unicode's default-ignorables: invisible, and skipped
 * by the culture-aware matching with which GitHub's runner finds workflow commands in a log line.
 */
const ACTIVE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** Shown where an active character was: visible, so a reader sees that the text held something. */
export const ACTIVE_CHARACTER_PLACEHOLDER = "\uFFFD";

/** `text` with every active character (a line break too) replaced by U+FFFD "�": one line that nothing acts on. */
export function replaceActiveCharacters(text: string): string {
  return text.replace(ACTIVE_CHARACTERS, ACTIVE_CHARACTER_PLACEHOLDER);
}

/** `text` with every active character written as a JSON escape (`\u001b`, `\u202e`), for values quoted in messages. */
export function escapeActiveCharacters(text: string): string {
  // split("") yields UTF-16 units: a character outside the BMP becomes its surrogate pair, as JSON writes it.
  return text.replace(ACTIVE_CHARACTERS, (c) =>
    c
      .split("")
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join(""),
  );
}
