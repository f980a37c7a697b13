/** A cdktf token embedded in a string: "${TfToken[TOKEN.12]}" (lists: "#{TfToken[TOKEN.12]}"). */
const TOKEN = /[$#]\{TfToken\[[^\]]*\]\}/g;

/**
 * Text from users (construct ids and paths, tags, descriptions, model and image names) as a literal
 * Terraform string: "${" and "%{" would start an interpolation or directive that Terraform evaluates
 * (a construct id of "${file(\"/etc/passwd\")}" ran file() during validate), so they are escaped to
 * "$${" and "%%{". Tokens embedded in the text are references on purpose and stay as they are.
 */
export function literalText(text: string): string {
  let result = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    result += escape(text.slice(last, match.index)) + match[0];
    last = match.index! + match[0].length;
  }
  return result + escape(text.slice(last));
}

function escape(literal: string): string {
  // Replacer functions: in a replacement string "$$" would itself mean "$".
  return literal.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** `text` with every embedded token replaced by `replacement` (token numbers differ from one process to the next). */
export function replaceTokens(text: string, replacement: string): string {
  return text.replace(TOKEN, () => replacement);
}

/** Every string value of a tag map as literal Terraform text (keys too: they are strings in the JSON). */
export function literalTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [literalText(key), literalText(value)]));
}

/**
 * Whether a value is text with a token in it (a Terraform reference in place of text), by the frameworks' own marker
 * (cdktf's and cdktn's encoding), so resource specs need no framework; numbers and lists are not read here.
 */
export function containsToken(value: unknown): boolean {
  return typeof value === "string" && STRING_TOKEN.test(value);
}

/** A string token's marker: what cdktf's Token.isUnresolved reads in text (a list token's "#{" marker is not one). */
const STRING_TOKEN = /\$\{TfToken\[[^\]]*\]\}/;
