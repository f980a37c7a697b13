import * as fs from "fs";
import { jsonSyntaxProblem } from "./json-syntax";

/** How large and how deep a JSON file the report reads may be. */
export interface JsonFileLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

/** A JSON file's value, or that it does not exist, or why it cannot be read: said without quoting its bytes. */
export type JsonFileResult = { readonly value: unknown } | { readonly missing: true } | { readonly problem: string };

/**
 * Reads a JSON file a pull request may have written (a plan, a synth's manifest and stacks). Only a regular file is
 * read (a FIFO would block, a device never ends), never through a symbolic link (a committed link to /etc/shadow or a
 * CI secret is not followed: O_NOFOLLOW), and only within `limits`. A problem never quotes the file: what the report
 * prints reaches a CI log and a pull-request comment.
 */
export function readJsonFile(file: string, limits: JsonFileLimits): JsonFileResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it. Windows has no O_NOFOLLOW
    // (undefined, so no bit); git there checks links out as plain files.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { missing: true };
    if (code === "ELOOP") return { problem: "it is a symbolic link, which the report does not follow (synth writes a regular file)" };
    return { problem: `it cannot be opened (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: "it is not a regular file" };
    if (stat.size > limits.maxBytes) return { problem: `it has ${stat.size} bytes, more than the ${limits.maxBytes} it may have` };
    const text = fs.readFileSync(fd, "utf8");
    const syntax = jsonSyntaxProblem(text, limits.maxDepth);
    if (syntax) return { problem: `it is not JSON: ${syntax.problem} (line ${syntax.line}, column ${syntax.column})` };
    try {
      return { value: JSON.parse(text) };
    } catch {
      // The scan accepted it, so this is not expected; JSON.parse's message would quote the text, so it is dropped.
      return { problem: "it is not JSON" };
    }
  } finally {
    fs.closeSync(fd);
  }
}
