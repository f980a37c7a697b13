// Preloaded into a synth child (`node -r dist/bench/stack-traces.js`) to see what cdktf's per-token stack traces cost:
// BENCH_STACK_TRACES=count counts each capture and its frames; =off replaces the capture with a no-op. Measurement only:
// cdktf records the trace to name where an unresolvable token was made.
import * as stackTrace from "cdktf/lib/tokens/private/stack-trace";

interface StackTraceCounts {
  captures: number;
  frames: number;
}

const mode = process.env.BENCH_STACK_TRACES;
const counts: StackTraceCounts = { captures: 0, frames: 0 };
const cdktfStackTrace = stackTrace as { captureStackTrace: (below?: unknown) => string[] };
const original = cdktfStackTrace.captureStackTrace;
if (mode === "off") cdktfStackTrace.captureStackTrace = () => [];
if (mode === "count") {
  cdktfStackTrace.captureStackTrace = function captured(below?: unknown) {
    const frames = original(below ?? captured);
    counts.captures++;
    counts.frames += frames.length;
    return frames;
  };
}
(globalThis as { benchStackTraces?: StackTraceCounts }).benchStackTraces = counts;
