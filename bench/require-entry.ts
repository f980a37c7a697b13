// Child: time to require one entry in a fresh process, and the process's peak RSS afterwards. Modes:
//   library         dist/lib/index.js
//   baseline        cdktf + every provider module the library imports (found in dist/lib, so it stays in step)
//   baseline-core   cdktf + the 12 provider modules instance and Auto Scaling group workloads need
//   root            the @cdktf/provider-aws index, for context
//   none            node alone: the floor under every RSS figure
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { peakRssMiB, report } from "./measure";

const LIBRARY = path.resolve(__dirname, "../lib");

const CORE_MODULES = [
  "launch-template",
  "instance",
  "autoscaling-group",
  "iam-role",
  "iam-role-policy-attachment",
  "iam-instance-profile",
  "security-group",
  "vpc-security-group-ingress-rule",
  "vpc-security-group-egress-rule",
  "data-aws-ec2-instance-type",
  "data-aws-ec2-instance-type-offerings",
  "provider",
].map((m) => `@cdktf/provider-aws/lib/${m}`);

/** Every `require("@cdktf/provider-aws/lib/...")` in the compiled library (type-only imports are gone by then). */
function providerModulesOfLibrary(dir = LIBRARY): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) providerModulesOfLibrary(file).forEach((m) => found.add(m));
    else if (entry.name.endsWith(".js")) {
      for (const match of readFileSync(file, "utf8").matchAll(/require\("(@cdktf\/provider-aws\/lib\/[\w-]+)"\)/g)) found.add(match[1]);
    }
  }
  return [...found].sort();
}

const ENTRIES: Record<string, () => readonly string[]> = {
  library: () => [path.join(LIBRARY, "index.js")],
  baseline: () => ["cdktf", ...providerModulesOfLibrary()],
  "baseline-core": () => ["cdktf", ...CORE_MODULES],
  root: () => ["@cdktf/provider-aws"],
  none: () => [],
};

const mode = process.argv[2];
if (!ENTRIES[mode]) throw new Error(`mode must be one of ${Object.keys(ENTRIES).join(", ")}`);
const entries = ENTRIES[mode]();
const start = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- what is measured is require itself
for (const entry of entries) require(entry);
const requireMs = performance.now() - start;
report({ mode, entries, requireMs, peakRssMiB: peakRssMiB(), modules: Object.keys(require.cache).length });
