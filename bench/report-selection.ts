import { runChild } from "./child";
import { fixed, table } from "./markdown";

interface Throughput {
  instanceTypes: number;
  decisions: number;
  elapsedMs: number;
  perSecond: number;
  perEntry: { label: string; instanceType: string; perSecond: number }[];
}

const TARGET_PER_SECOND = 50_000;

/** Item 1: selectInstance decisions per second over the whole embedded table. */
export function selectionSection(): string {
  const r = runChild<Throughput>("select-throughput", [2]);
  const verdict = r.perSecond >= TARGET_PER_SECOND ? "meets" : "**misses**";
  return [
    "## 1. Selection throughput",
    "",
    `\`selectInstance\` over all ${r.instanceTypes} embedded instance types, round-robin over the mix below, ` +
      `${fixed(r.elapsedMs / 1000)} s after a 0.5 s warm-up: **${Math.round(r.perSecond).toLocaleString("en-US")} decisions/s** ` +
      `(${fixed(1e6 / r.perSecond)} µs each; ${r.decisions.toLocaleString("en-US")} decisions). ` +
      `This ${verdict} the target of ${TARGET_PER_SECOND.toLocaleString("en-US")}/s.`,
    "",
    "Each requirement alone (0.2 s each):",
    "",
    table(
      ["requirements", "chosen", "decisions/s", "µs each"],
      r.perEntry.map((e) => [e.label, e.instanceType, Math.round(e.perSecond).toLocaleString("en-US"), fixed(1e6 / e.perSecond)]),
    ),
  ].join("\n");
}
