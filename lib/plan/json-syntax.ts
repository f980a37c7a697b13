/**
 * Where a text stops being JSON (RFC 8259, as JSON.parse reads it), said without quoting it. JSON.parse's own
 * messages quote the text around the error (`Unexpected token 'S', "SECRET=abc" is not valid JSON`), and a plan
 * path may name any file. Nesting is bounded too: JSON.stringify, and any code that walks a value, recurses once
 * per level, so a value that nests deeper than anything real is refused before it is parsed. The scan itself keeps
 * no stack but the open brackets, so no depth overflows it.
 */

/** Where and why a text is not JSON; `line` and `column` count from 1, the column in UTF-16 code units. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  /** What is wrong there, in words that never quote the text. */
  readonly problem: string;
}

/** The first place `text` is not JSON or nests deeper than `maxDepth` arrays and objects; undefined when it is JSON. */
export function jsonSyntaxProblem(text: string, maxDepth: number): JsonSyntaxProblem | undefined {
  try {
    scan(text, maxDepth);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    return { ...lineAndColumn(text, error.index), problem: error.problem };
  }
}

class SyntaxAt {
  constructor(
    readonly index: number,
    readonly problem: string,
  ) {}
}

/** What the scan expects next: a value, an object's key, the colon after it, a comma or the closing bracket, or the end. */
type Expect = "value" | "value or ]" | "key" | "key or }" | "colon" | "comma or close" | "end";

function scan(text: string, maxDepth: number): void {
  const closers: ("]" | "}")[] = [];
  let expect: Expect = "value";
  let i = 0;
  const afterValue = (): Expect => (closers.length ? "comma or close" : "end");
  for (;;) {
    i = skipWhitespace(text, i);
    if (i === text.length) {
      if (expect === "end") return;
      throw new SyntaxAt(i, "the text ends before the JSON does");
    }
    const c = text[i];
    if ((expect === "value or ]" && c === "]") || (expect === "key or }" && c === "}")) {
      closers.pop();
      i++;
      expect = afterValue();
      continue;
    }
    switch (expect) {
      case "value":
      case "value or ]":
        if (c === "[" || c === "{") {
          if (closers.length === maxDepth) throw new SyntaxAt(i, `arrays and objects nest more than ${maxDepth} levels deep`);
          closers.push(c === "[" ? "]" : "}");
          i++;
          expect = c === "[" ? "value or ]" : "key or }";
        } else {
          i = c === '"' ? stringEnd(text, i) : scalarEnd(text, i);
          expect = afterValue();
        }
        break;
      case "key":
      case "key or }":
        if (c !== '"') throw new SyntaxAt(i, "an object's key is not a string");
        i = stringEnd(text, i);
        expect = "colon";
        break;
      case "colon":
        if (c !== ":") throw new SyntaxAt(i, "a key is not followed by a colon");
        i++;
        expect = "value";
        break;
      case "comma or close":
        if (c === ",") {
          expect = closers[closers.length - 1] === "]" ? "value" : "key";
        } else if (c === closers[closers.length - 1]) {
          closers.pop();
          expect = afterValue();
        } else {
          throw new SyntaxAt(i, "a value is followed by neither a comma nor the closing bracket");
        }
        i++;
        break;
      case "end":
        throw new SyntaxAt(i, "more text follows the JSON value");
    }
  }
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  return i;
}

const ESCAPED = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The index after the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw new SyntaxAt(i, "a string is not closed");
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) throw new SyntaxAt(i, "a string holds a control character (a line break, a tab) that is not escaped");
    if (code === 0x5c) {
      if (ESCAPED.has(text[i + 1])) {
        i += 2;
      } else if (text[i + 1] === "u" && HEX4.test(text.slice(i + 2, i + 6))) {
        i += 6;
      } else {
        throw new SyntaxAt(i, "a string holds an invalid escape");
      }
    } else {
      i++;
    }
  }
}

/** The index after the number, true, false or null at `start`. */
function scalarEnd(text: string, start: number): number {
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  let i = start;
  const digits = () => {
    const first = i;
    while (i < text.length && text[i] >= "0" && text[i] <= "9") i++;
    if (i === first)
      throw new SyntaxAt(i, i === start ? "a value is not JSON (not an object, array, string, number, true, false or null)" : "a number is malformed");
  };
  if (text[i] === "-") i++;
  if (text[i] === "0") i++;
  else digits();
  if (text[i] === ".") {
    i++;
    digits();
  }
  if (text[i] === "e" || text[i] === "E") {
    i++;
    if (text[i] === "+" || text[i] === "-") i++;
    digits();
  }
  return i;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
