import { runChild } from "./child";
import { fixed, table } from "./markdown";

interface MixResult {
  decisions: number;
  elapsedMs: number;
  perSecond: number;
  perEntry: { label: string; instanceType: string; perSecond: number }[];
}

interface Throughput {
  instanceTypes: number;
  withoutSizing: MixResult;
  withSizing: MixResult;
  variedSizing: { requests: number; shapes: number; decisions: number; elapsedMs: number; perSecond: number };
  firstOfShape: { decisions: number; elapsedMs: number; perSecond: number };
}

/** Issue 18's target for decisions with sizing on, on varied requests. */
const SIZED_TARGET_PER_SECOND = 50_000;

/** The first round's target, for decisions without sizing (no model: nothing to estimate per candidate). */
const TARGET_PER_SECOND = 50_000;

/** Item 1: selectInstance decisions per second over the whole embedded table, with sizing off and on. */
export function selectionSection(): string {
  const r = runChild<Throughput>("select-throughput", [2]);
  const off = r.withoutSizing;
  const on = r.withSizing;
  const verdict = off.perSecond >= TARGET_PER_SECOND ? "meets" : "**misses**";
  const mix = (m: MixResult) =>
    table(
      ["requirements", "chosen", "decisions/s", "µs each"],
      m.perEntry.map((e) => [e.label, e.instanceType, Math.round(e.perSecond).toLocaleString("en-US"), fixed(1e6 / e.perSecond)]),
    );
  const rate = (m: MixResult) =>
    `**${Math.round(m.perSecond).toLocaleString("en-US")} decisions/s** (${fixed(1e6 / m.perSecond)} µs each; ${m.decisions.toLocaleString("en-US")} decisions in ${fixed(m.elapsedMs / 1000)} s after a 0.5 s warm-up)`;
  return [
    "## 1. Selection throughput",
    "",
    `\`selectInstance\` over all ${r.instanceTypes} embedded instance types, round-robin over each mix below.`,
    "",
    `Without sizing (no model): ${rate(off)}. This ${verdict} the target of ${TARGET_PER_SECOND.toLocaleString("en-US")}/s.`,
    "",
    mix(off),
    "",
    `With sizing (a memory estimate per candidate; throughput and USD per run where asked): ${rate(on)}.`,
    "",
    mix(on),
    "",
    `With sizing on ${r.variedSizing.requests.toLocaleString("en-US")} varied requests (a seeded mix of 10 catalog models, classes, throughput targets ` +
      `and training-token counts of random size, contexts, regions, deadlines; ${r.variedSizing.shapes} shapes once the amounts are set aside): ` +
      `**${Math.round(r.variedSizing.perSecond).toLocaleString("en-US")} decisions/s** (${fixed(1e6 / r.variedSizing.perSecond)} µs each). ` +
      `This ${r.variedSizing.perSecond >= SIZED_TARGET_PER_SECOND ? "meets" : "**misses**"} the target of ${SIZED_TARGET_PER_SECOND.toLocaleString("en-US")}/s.`,
    "",
    `The first decision of a shape (nothing kept applies: every type sized): ${Math.round(r.firstOfShape.perSecond).toLocaleString("en-US")} decisions/s ` +
      `(${fixed(1e6 / r.firstOfShape.perSecond)} µs each, ${r.firstOfShape.decisions.toLocaleString("en-US")} shapes).`,
  ].join("\n");
}
