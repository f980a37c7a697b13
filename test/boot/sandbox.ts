import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The boot sandbox: runs a workload's user data as cloud-init would (its shell parts in order, as root) in a private
 * mount namespace, with tmpfs over every path the scripts write (/opt, /run, /etc/systemd/system), the instance's
 * /proc/uptime in place of the host's, and stub commands
 * (./stub.js) that log their arguments and answer or fail as a scenario says. Nothing reaches the host or the network.
 */

/** What a stubbed call does: succeed with the usual answer, fail (exit 1), succeed with nothing, or answer this. */
export type Outcome = "ok" | "fail" | "empty" | { readonly stdout?: string; readonly exit?: number };

/** The first `command` call whose arguments match `match` (a regular expression) takes `outcomes` in turn; the last repeats. */
export interface Rule {
  readonly command: string;
  readonly match: string;
  readonly outcomes: readonly Outcome[];
}

export interface Scenario {
  readonly rules?: readonly Rule[];
  /** What Secrets Manager answers for every secret. @default "s3cr3t" */
  readonly secret?: string;
  /** The key fingerprint gpg reports a signature made by. @default AWS's CloudWatch agent key */
  readonly signedBy?: string;
  /** Runs of a timer's service when it is enabled. @default 1 */
  readonly timerTicks?: number;
  /** Seconds since boot, as /proc/uptime says. @default 120: a first boot */
  readonly uptimeSeconds?: number;
  /** Seconds the server unit has been active, as systemctl show says. @default 0: it just started */
  readonly activeForSeconds?: number;
}

export interface Call {
  readonly command: string;
  readonly args: readonly string[];
  /** The command and its arguments, space-separated. */
  readonly line: string;
  readonly outcome: Outcome | { readonly unit: string; readonly result: string };
  /** For `docker run`: the environment file it was given, as it read then. */
  readonly env?: string;
  /** For `docker run`: the host folders it mounts and their permissions ("755"). */
  readonly mounts?: Readonly<Record<string, string>>;
}

export interface BootRun {
  /** Exit status of each shell part, in order. */
  readonly exits: readonly number[];
  readonly calls: readonly Call[];
  /** Output of every script systemd ran. */
  readonly journal: string;
}

const STUBBED = ["docker", "aws", "curl", "systemctl", "shutdown", "sleep", "gpg", "apt-get", "dnf", "iptables"];

/** Why the sandbox cannot run here, or undefined when it can (root and a private mount namespace are needed). */
export function sandboxUnavailable(): string | undefined {
  const probe = spawnSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], { encoding: "utf8" });
  if (probe.error) return "no unshare";
  return probe.status === 0 ? undefined : `unshare -m cannot mount here: ${probe.stderr.trim()}`;
}

/** The text Terraform makes of a synthesized string: "$${" and "%%{" are literal, a reference becomes a value. */
export function renderTerraformString(text: string, reference = "10.0.0.9"): string {
  return text.replace(/\$\$\{|%%\{|\$\{[^}]*\}/g, (m) => (m === "$${" ? "${" : m === "%%{" ? "%{" : reference));
}

/** The parts of a user data document: a MIME multi-part document's parts, or the text as one part. */
export function userDataParts(text: string): { readonly contentType: string; readonly body: string }[] {
  const boundary = /^Content-Type: multipart\/mixed; boundary="([^"]+)"/.exec(text)?.[1];
  if (!boundary) return [{ contentType: text.startsWith("#!") ? "text/x-shellscript" : "text/plain", body: text }];
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head, ...rest] = chunk.replace(/^\n/, "").split("\n\n");
      return { contentType: /Content-Type:\s*([^;\n]+)/i.exec(head)?.[1].trim() ?? "", body: rest.join("\n\n") };
    });
}

/** Files a script writes with `cat > PATH <<'GPU_WORKLOADS_EOF'` (scripts, units), by path. */
export function embeddedFiles(script: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of script.matchAll(/^cat > (\S+) <<'GPU_WORKLOADS_EOF'\n([\s\S]*?)\nGPU_WORKLOADS_EOF$/gm)) files.set(m[1], m[2]);
  return files;
}

/** Runs the user data's shell parts in the sandbox. */
export function runBoot(userData: string, scenario: Scenario = {}): BootRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gpu-boot-"));
  try {
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.mkdirSync(path.join(dir, "tmp"));
    // The stub is copied out of the checkout: a checkout under /opt would be hidden by the tmpfs.
    fs.copyFileSync(path.join(__dirname, "stub.js"), path.join(dir, "stub.js"));
    for (const name of STUBBED)
      fs.writeFileSync(path.join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${dir}/stub.js" ${name} "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "scenario.json"), JSON.stringify(scenario));
    fs.writeFileSync(path.join(dir, "uptime"), `${scenario.uptimeSeconds ?? 120}.00 0.00\n`);
    const parts = userDataParts(userData).filter((p) => p.contentType === "text/x-shellscript");
    parts.forEach((p, i) => fs.writeFileSync(path.join(dir, `part-${String(i).padStart(3, "0")}`), p.body, { mode: 0o700 }));
    const runner = [
      "mkdir -p /etc/systemd/system",
      `mount -t tmpfs tmpfs /opt && mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /etc/systemd/system && mount --bind ${dir}/uptime /proc/uptime || exit 99`,
      `for part in ${dir}/part-*; do bash "$part" >>${dir}/boot.log 2>&1; echo $? >>${dir}/exits; done`,
    ].join("\n");
    const run = spawnSync("unshare", ["-m", "bash", "-c", runner], {
      encoding: "utf8",
      env: { PATH: `${bin}:${process.env.PATH}`, SANDBOX: dir, TMPDIR: path.join(dir, "tmp"), HOME: path.join(dir, "tmp"), LANG: "C.UTF-8" },
    });
    if (run.status !== 0) throw new Error(`the sandbox did not run (exit ${run.status}): ${run.stderr}`);
    const read = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), "utf8") : "");
    return {
      exits: read("exits").split("\n").filter(Boolean).map(Number),
      calls: read("calls.jsonl")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Call),
      journal: read("boot.log") + read("journal.log"),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The words of a shell command line as bash splits them, for the quoting the library writes: 'single', "double", \x. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let text = "";
      for (; line[j] !== '"'; j++) text += line[j] === "\\" ? line[++j] : line[j];
      word = (word ?? "") + text;
      i = j;
    } else {
      word = (word ?? "") + (c === "\\" ? line[++i] : c);
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The arguments the container is started with: what follows the image in start.sh's `docker run`. */
export function containerCommand(userData: string): { readonly image: string; readonly args: string[]; readonly dockerOptions: string[] } {
  for (const part of userDataParts(userData)) {
    const start = embeddedFiles(part.body).get("/opt/gpu-workloads/start.sh");
    const run = start?.split("\n").find((l) => l.startsWith("exec docker run "));
    if (!run) continue;
    const words = shellWords(run).slice(3);
    // docker's options take a value unless they are flags of their own; the first bare word after them is the image.
    const flags = new Set(["--rm"]);
    let i = 0;
    while (i < words.length && words[i].startsWith("-")) i += flags.has(words[i]) || words[i].includes("=") ? 1 : 2;
    return { dockerOptions: words.slice(0, i), image: words[i], args: words.slice(i + 1) };
  }
  throw new Error("no start.sh with a docker run in this user data");
}
