// Preloaded with `node -r`: on exit, writes every module file the process loaded to $BENCH_LOADS_OUT,
// so the parent can show which packages a command pulled in without touching the command's own output.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const out = process.env.BENCH_LOADS_OUT;
  if (out) writeFileSync(out, JSON.stringify(Object.keys(require.cache)));
});
