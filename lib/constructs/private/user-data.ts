import { createHash } from "crypto";
import { InvalidRequirementError } from "../../validation/errors";
import { replaceTokens } from "../../specs/terraform-text";

/**
 * EC2 runs at most 16 KB of user data, in raw form before base64 (EC2 User Guide, "Run commands when you
 * launch an EC2 instance with user data input", as of 2026-11-29).
 */
export const MAX_USER_DATA_BYTES = 16 * 1024;

/** One part of a cloud-init MIME multi-part document: its headers as given and its body. */
interface Part {
  readonly headers: readonly string[];
  readonly body: string;
}

/** cloud-init's user-data formats, by the first line that marks them, and their MIME type. */
const FORMATS: readonly (readonly [RegExp, string])[] = [
  [/^#!/, "text/x-shellscript"],
  [/^#cloud-config\b/, "text/cloud-config"],
  [/^#cloud-boothook\b/, "text/cloud-boothook"],
  [/^#include\b/, "text/x-include-url"],
  [/^#part-handler\b/, "text/part-handler"],
  [/^## template: jinja\b/, "text/jinja2"],
];

const MIME_HEADER = /^(content-type|mime-version)\s*:/i;

/**
 * User data from our parts (run first) and the user's, as cloud-init reads it:
 * - nothing to add and no MIME required: the user's text unchanged;
 * - otherwise one MIME multi-part document. A user's own multi-part document is taken apart and its parts
 *   kept whole (wrapping it as a shell script would run a MIME header as a command). The boundary is derived
 *   from the content and never occurs in it, so a part cannot close the document early.
 * AWS Batch requires MIME multi-part user data in launch templates (EC2 API RequestLaunchTemplateData.UserData).
 */
export function composeUserData(ours: readonly string[], user: string | undefined, mimeRequired: boolean): string | undefined {
  const parts = [...ours.map(partOf), ...(user === undefined ? [] : userParts(user))];
  if (parts.length === 0) return undefined;
  const result = ours.length === 0 && !mimeRequired ? user! : multipart(parts);
  const bytes = Buffer.byteLength(result, "utf8");
  if (bytes > MAX_USER_DATA_BYTES) {
    throw new InvalidRequirementError(
      "userData",
      `${bytes} bytes${ours.length ? " with the library's parts" : ""}`,
      `EC2 runs at most ${MAX_USER_DATA_BYTES} bytes of user data; keep a short script that fetches the rest from S3`,
    );
  }
  return result;
}

function partOf(text: string): Part {
  const type = FORMATS.find(([marker]) => marker.test(text))?.[1];
  if (!type) {
    throw new InvalidRequirementError(
      "userData",
      text.split("\n")[0],
      'start it with "#!" (a script), "#cloud-config", "#cloud-boothook" or "#include", or give a MIME multi-part document, so it can be combined with the library\'s parts',
    );
  }
  return { headers: [`Content-Type: ${type}; charset="utf-8"`, "MIME-Version: 1.0"], body: text };
}

function userParts(text: string): Part[] {
  if (!MIME_HEADER.test(text)) return [partOf(text)];
  const { headers, body } = splitHeaders(text);
  const contentType = headers.find((h) => /^content-type\s*:/i.test(h)) ?? "";
  if (!/multipart\//i.test(contentType)) return [{ headers, body }];
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  if (!boundary) throw new InvalidRequirementError("userData", contentType, "give the multi-part document's boundary in its Content-Type header");
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts: Part[] = [];
  const lines = body.split(/\r?\n/);
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === delimiter || line === `${delimiter}--`) {
      if (current) parts.push(splitHeaders(current.join("\n")));
      if (line.endsWith("--") && line !== delimiter) break;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (parts.length === 0) throw new InvalidRequirementError("userData", contentType, `give at least one part delimited by "${delimiter}"`);
  return parts;
}

function splitHeaders(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return { headers: text.split(/\r?\n/).filter(Boolean), body: "" };
  return { headers: text.slice(0, end.index).split(/\r?\n/), body: text.slice(end.index + end[0].length) };
}

function multipart(parts: readonly Part[]): string {
  const content = parts.map((p) => `${p.headers.join("\n")}\n\n${p.body}`);
  // Token markers (a reference Terraform fills in) are numbered per process: hash them as one constant, so the
  // same program writes the same boundary.
  const stable = replaceTokens(content.join("\0"), "${reference}");
  let boundary = "";
  for (let salt = 0; !boundary || content.some((c) => c.includes(boundary)); salt++) {
    boundary = `==gpu-workloads-${createHash("sha256").update(`${salt}\0${stable}`).digest("hex").slice(0, 24)}==`;
  }
  return [
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "MIME-Version: 1.0",
    "",
    ...content.flatMap((c) => [`--${boundary}`, c.endsWith("\n") ? c.slice(0, -1) : c]),
    `--${boundary}--`,
    "",
  ].join("\n");
}
