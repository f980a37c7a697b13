// Child: time to require one entry in a fresh process, and the process's peak RSS afterwards.
// Modes: library (dist/lib/index.js), baseline (cdktf + the provider modules the library uses),
// root (the @cdktf/provider-aws index, for context), none (node alone: the floor under every RSS figure).
import * as path from "node:path";
import { peakRssMiB, report } from "./measure";

/** The deep provider modules the library's constructs import. */
const PROVIDER_MODULES = [
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

const ENTRIES: Record<string, readonly string[]> = {
  library: [path.resolve(__dirname, "../lib/index.js")],
  baseline: ["cdktf", ...PROVIDER_MODULES],
  root: ["@cdktf/provider-aws"],
  none: [],
};

const mode = process.argv[2];
const entries = ENTRIES[mode];
if (!entries) throw new Error(`mode must be one of ${Object.keys(ENTRIES).join(", ")}`);
const start = performance.now();
for (const entry of entries) require(entry);
const requireMs = performance.now() - start;
report({ mode, requireMs, peakRssMiB: peakRssMiB(), modules: Object.keys(require.cache).length });
