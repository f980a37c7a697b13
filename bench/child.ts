import { spawnSync } from "node:child_process";
import * as path from "node:path";

/** The package root: children run there so synthesized backend paths are the same for every variant. */
export const ROOT = path.resolve(__dirname, "../..");

/** Runs `node dist/bench/<script>.js <args>` in a fresh process and parses the JSON line it prints last. */
export function runChild<T>(script: string, args: readonly (string | number)[] = [], options: { preload?: string; env?: NodeJS.ProcessEnv } = {}): T {
  const preload = options.preload ? ["-r", path.join(__dirname, `${options.preload}.js`)] : [];
  const result = spawnSync(process.execPath, [...preload, path.join(__dirname, `${script}.js`), ...args.map(String)], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** Middle value (mean of the middle two for even counts): one slow run on a busy machine does not move it. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
