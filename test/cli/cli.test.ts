import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../lib/cli/main";

const json = (argv: string[]) => {
  const result = runCli([...argv, "--json"]);
  return { ...result, doc: JSON.parse(result.stdout) };
};

describe("select", () => {
  test("realtime inference answers g5.xlarge with why, alternatives and rejections", () => {
    const { exitCode, doc } = json(["select", "--workload", "realtime-inference"]);
    expect(exitCode).toBe(0);
    expect(doc).toMatchObject({ instanceType: "g5.xlarge", gpu: "A10G", gpuCount: 1, usdPerInstanceHour: 1.006 });
    expect(doc.reason).toMatch(/lowest-cost feasible RealtimeInference instance/);
    expect(doc.alternatives[0]).toEqual(expect.objectContaining({ instanceType: "g5.2xlarge", usdPerInstanceHour: 1.212 }));
    expect(doc.rejected).toContainEqual(expect.objectContaining({ instanceType: "g4dn.xlarge", reason: expect.stringMatching(/not among the allowed GPUs/) }));
  });

  test.each([
    ["training", "p5.48xlarge"],
    ["fine-tuning", "g5.xlarge"], // no model: the cheapest of its GPUs
    ["image-generation", "g6.xlarge"],
    ["batch-processing", "g4dn.xlarge"],
  ])("%s → %s", (workload, instanceType) => {
    expect(json(["select", "--workload", workload]).doc.instanceType).toBe(instanceType);
  });

  test("flags reach the selection", () => {
    expect(json(["select", "--workload", "realtime-inference", "--gpus", "L40S,A10G"]).doc.instanceType).toBe("g6e.xlarge");
    expect(json(["select", "--workload", "realtime-inference", "--any-of", "L40S,A10G"]).doc.instanceType).toBe("g5.xlarge");
    expect(json(["select", "--workload", "realtime-inference", "--min-gpu-count", "2"]).doc.gpuCount).toBeGreaterThanOrEqual(2);
    expect(json(["select", "--workload", "realtime-inference", "--model", "llama-3.1-70b"]).doc.gpuCount).toBeGreaterThan(1);
    expect(json(["select", "--workload", "batch-processing", "--gpus", "T4G", "--arch", "arm64"]).doc.instanceType).toBe("g5g.xlarge");
    expect(json(["select", "--workload", "training", "--model", "llama-3.1-70b", "--mode", "full"]).doc.nodeCount).toBeGreaterThan(1);
  });

  test("an hourly total prints as money does everywhere: thousands grouped, in the same sentence as the month", () => {
    const text = runCli(["select", "--workload", "training", "--nodes", "32"]).stdout.replace(/\s+/g, " ");
    expect(text).toContain(
      "per instance $55.04/hour on-demand (spot $21.15); total for all 32 instances (32 nodes) $1,761.28/hour and $1,285,734.40/month expected",
    );
  });

  test("a type not sold in us-east-1 is priced, and said to be priced, where it is sold", () => {
    const select = runCli(["select", "--workload", "training", "--instance-type", "p6-b300.48xlarge"]).stdout.replace(/\s+/g, " ");
    expect(select).toContain("Cost in us-west-2 (no --region given): per instance $142.42/hour on-demand");
    const catalog = runCli(["catalog", "--family", "p6-b300"]).stdout;
    expect(catalog).toContain("p6-b300.48xlarge‡");
    expect(catalog).toContain("‡ p6-b300.48xlarge: no us-east-1 price in the table; us-west-2's is shown.");
  });

  test("the text answer is aligned tables", () => {
    const { stdout, exitCode } = runCli(["select", "--workload", "realtime-inference"]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^realtime-inference: g5.xlarge — 1× A10G per instance, on-demand\n/);
    expect(stdout).toMatch(/Cost in us-east-1 \(no --region given\): per instance \$1.006\/hour on-demand \(spot \$0.436\)/);
    // Sorted by a column that is shown (the objective's), the best few, and rejections counted by reason.
    expect(stdout).toMatch(
      /Alternatives \(21\), best first by the on-demand \$\/h of all its instances; the best 5 shown \(--verbose\n {2}for all\):\ninstance +GPUs +\$\/h all +\$\/inst-h +spot\n-+/,
    );
    expect(stdout).toMatch(/^g5.2xlarge +1× A10G +\$1.212 +\$1.212 +\$0.504$/m);
    expect(stdout).toMatch(/^Rejected \(43\): 37 by gpus, 6 by price\. --verbose lists each with why\.$/m);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    const verbose = runCli(["select", "--workload", "realtime-inference", "--verbose"]).stdout;
    expect(verbose).toMatch(/^Alternatives \(21\), best first by the on-demand \$\/h of all its instances:$/m);
    expect(verbose).toMatch(/^Rejected \(43\):\ninstance +ruled out by +why\n/m);
    expect(verbose.match(/^\S+ +gpus +\S/gm)).toHaveLength(37);
    // Clusters among the alternatives: their nodes; ranked by USD per TFLOPS-hour, which is shown.
    expect(runCli(["select", "--workload", "training", "--model", "llama-3.1-70b", "--mode", "full"]).stdout).toMatch(
      /\ninstance +GPUs +\$\/TFLOPS-h +\$\/inst-h +spot +nodes\n/,
    );
  });

  test("alternatives are in the order of the column they are ranked by", () => {
    const text = runCli(["select", "--workload", "fine-tuning", "--model", "llama-3.1-8b", "--training-tokens", "100000000", "--verbose"]).stdout;
    const rows = text
      .slice(text.indexOf("$/job"))
      .split("\n")
      .slice(2)
      .filter((l) => /^\S+\.\S+ /.test(l));
    const dollars = rows.map((l) => Number(l.split(/ {2,}/)[2].replace(/[$,]/g, "")));
    expect(dollars.length).toBeGreaterThan(5);
    expect(dollars).toEqual([...dollars].sort((a, b) => a - b));
  });
});

describe("catalog, gpus, estimate", () => {
  test("catalog filters by GPU, region and family", () => {
    const { doc } = json(["catalog", "--gpu", "NVIDIA A10G", "--region", "us-east-1"]);
    expect(doc.length).toBeGreaterThan(3);
    for (const row of doc) expect(row).toMatchObject({ gpu: "A10G", gpuMemoryGB: 24, regions: expect.arrayContaining(["us-east-1"]) });
    expect(Object.keys(doc[0])).toEqual(
      expect.arrayContaining(["instanceType", "gpu", "gpuCount", "gpuMemoryGB", "vcpus", "memoryGiB", "usdPerInstanceHour", "efaInterfaces", "regions"]),
    );
    expect(json(["catalog", "--family", "p5"]).doc.map((r: { instanceType: string }) => r.instanceType)).toEqual(["p5.48xlarge", "p5.4xlarge"]);
  });

  test("gpus lists the table", () => {
    const { doc } = json(["gpus"]);
    expect(doc).toContainEqual(expect.objectContaining({ name: "A10G", memoryGB: 24, memoryBandwidthGBps: 600, tier: "workhorse" }));
    expect(doc).toContainEqual(expect.objectContaining({ name: "RTX-6000-Ada", awsEquivalent: "L40S" }));
  });

  test("estimate gives the breakdown", () => {
    const { doc } = json(["estimate", "--model", "llama-3.1-8b", "--mode", "inference", "--context", "8192", "--concurrency", "4"]);
    expect(doc.parts.kvCacheGiB).toBe(4);
    expect(doc.perGpuGiB).toBeGreaterThan(doc.parts.weightsGiB);
    expect(doc.engine).toBe("vllm");
    const custom = json(["estimate", "--params", "8", "--layers", "32", "--kv-heads", "8", "--head-dim", "128", "--mode", "full"]).doc;
    // Mixed precision AdamW: two fp32 moments, 8 B per parameter.
    expect(custom.parts.optimizerStateGiB).toBeCloseTo((8e9 * 8) / 2 ** 30, 1);
  });
});

describe("sizing by the work from the command line", () => {
  test("select --throughput prints tokens/s, replicas and USD per million tokens, and a replicas column", () => {
    const text = runCli([
      "select",
      "--workload",
      "realtime-inference",
      "--model",
      "llama-3.1-8b",
      "--throughput",
      "2000",
      "--min-stream-tokens",
      "25",
    ]).stdout.replace(/\n {2}(?=\S)/g, " ");
    expect(text).toMatch(
      /^Throughput: [\d.]+ output tokens\/s per replica \(\d+ sequences at [\d.]+ tokens\/s each, bound by memory bandwidth\); \d+ replicas;/m,
    );
    expect(text).toMatch(/replicas +tok\/s\/replica +\$\/M tokens/);
    const { doc } = json(["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--throughput", "2000"]);
    expect(doc.objective).toBe("throughput-cost");
    expect(doc.throughput.replicas * doc.throughput.outputTokensPerSecondPerReplica).toBeGreaterThanOrEqual(2000);
  });

  test("select --training-tokens reports hours and USD per run; --native-precision and --gradient-checkpointing reach the selection", () => {
    const { doc } = json(["select", "--workload", "fine-tuning", "--model", "llama-3.1-8b", "--mode", "full", "--training-tokens", "1000000000"]);
    expect(doc.objective).toBe("job-cost");
    expect(doc.job).toMatchObject({ trainingTokens: 1e9, flopsPerToken: 6 * 8.03e9 });
    expect(doc.alternatives[0]).toEqual(expect.objectContaining({ hours: expect.any(Number), usdPerJob: expect.any(Number) }));
    expect(json(["select", "--workload", "batch-processing", "--model", "llama-3.2-3b", "--native-precision"]).doc.gpu).toBe("L4");
    const off = json(["select", "--workload", "fine-tuning", "--model", "llama-3.1-8b", "--gradient-checkpointing", "off"]).doc;
    expect(off.memoryEstimate.training.gradientCheckpointing).toBe(false);
  });

  test("estimate --engine and the fine-tune setup flags; --gpu picks vLLM's defaults for that GPU and says whether it fits", () => {
    const text = runCli(["estimate", "--model", "llama-3.1-8b", "--mode", "lora", "--concurrency", "4", "--gpu", "A10G"]).stdout;
    expect(text).toMatch(/llama-3.1-8b lora \(mixed precision, adamw\), bf16, 4 × 4096 tokens on 1 GPU\(s\): 48.06 GiB per GPU/);
    expect(text).toMatch(/On A10G \(22.4 GiB usable\): does not fit/);
    expect(text).toMatch(/the loss materializes 16384 × 128256 logits at 14 B each/);
    const hf = json(["estimate", "--model", "llama-3.1-8b", "--engine", "transformers", "--concurrency", "8", "--prompt-tokens", "1024"]).doc;
    expect(hf).toMatchObject({ engine: "transformers", memoryUtilization: 1 });
    const h100 = json(["estimate", "--model", "llama-3.1-8b", "--gpu", "H100"]).doc;
    expect(h100.assumptions.join(" ")).toMatch(/8192 tokens \(max_num_batched_tokens\)/);
    const setup = json([
      "estimate",
      "--model",
      "llama-3.1-8b",
      "--mode",
      "full",
      "--gpus",
      "8",
      "--optimizer",
      "adamw-8bit",
      "--sharding",
      "ddp",
      "--training-precision",
      "bf16",
      "--fused-loss",
    ]).doc;
    expect(setup.training).toEqual({ gradientCheckpointing: true, optimizer: "adamw-8bit", sharding: "ddp", trainingPrecision: "bf16", fusedLoss: true });
  });

  test("models lists the catalog with shapes and sources", () => {
    const { doc } = json(["models"]);
    expect(doc.length).toBeGreaterThanOrEqual(30);
    expect(doc.find((m: { name: string }) => m.name === "qwen3-30b-a3b")).toMatchObject({
      paramsBillion: 30.5,
      activeParamsBillion: 3.3,
      moe: { experts: 128 },
    });
    expect(doc.every((m: { sources: unknown[] }) => m.sources.length > 0)).toBe(true);
    expect(runCli(["models"]).stdout).toMatch(/qwen3-30b-a3b +MoE 8\/128 +30.5 +3.3 +40960/);
  });

  test.each([
    [["estimate", "--model", "llama-3.1-8b", "--engine", "tgi"], /--engine is "tgi"; use one of vllm, sglang, tensorrt-llm, transformers/],
    [["estimate", "--model", "llama-3.1-8b", "--mode", "lora", "--gradient-checkpointing", "maybe"], /--gradient-checkpointing is "maybe"; give on or off/],
    [["estimate", "--model", "llama-3.1-8b", "--optimizer", "adam"], /--optimizer is "adam"; use one of adamw, adamw-8bit, sgd/],
    [
      ["estimate", "--model", "llama-3.1-8b", "--mode", "inference", "--optimizer", "sgd"],
      /--optimizer is "sgd"; it applies to mode lora or full, not inference/,
    ],
    [["estimate", "--model", "llama-3.1-8b", "--context", "200000"], /--context is 200000; llama-3.1-8b supports at most 131072 tokens/],
    [["select", "--workload", "realtime-inference", "--throughput", "100"], /--throughput is .*it needs a model/],
    [
      ["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--min-stream-tokens", "20"],
      /--throughput is undefined; give the output tokens per second/,
    ],
    [["select", "--workload", "fine-tuning", "--model", "llama-3.1-8b", "--training-tokens", "0"], /--training-tokens is 0/],
  ])("%j", (argv, message) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("bad input: one paragraph on stderr, exit code 2; with --json an error document", () => {
  test.each([
    [["select", "--workload", "realtime-inference", "--colour", "red"], "UnknownFlag", /select does not take --colour/],
    [["select", "--workload", "realtime-inference", "--gpus", "A10"], "UnknownGpu", /Did you mean "A10G"/],
    [["select", "--workload", "realtime-inference", "--model", "lama-3"], "UnknownModel", /not in the catalog/],
    [["select", "--workload", "realtime-inference", "--max-price", "0.1"], "NoFeasibleInstance", /No instance type satisfies --max-price = 0.1/],
    [["select", "--workload", "realtime-inference", "--min-vcpus", "many"], "InvalidNumber", /--min-vcpus takes a decimal number, got "many"/],
    [["select", "--workload", "inference"], "UnknownWorkload", /use one of realtime-inference/],
    [["select"], "MissingWorkload", /select needs --workload/],
    [["estimate", "--params", "8"], "IncompleteModel", /needs --params, --layers, --kv-heads and --head-dim together/],
    [["frobnicate"], "UnknownCommand", /"frobnicate" is not a command/],
  ])("%j", (argv, code, message) => {
    const text = runCli(argv);
    expect(text.exitCode).toBe(2);
    expect(text.stdout).toBe("");
    expect(text.stderr).toMatch(message);
    expect(text.stderr.trim().split("\n")).toHaveLength(1);
    const doc = runCli([...argv, "--json"]);
    expect(doc.exitCode).toBe(2);
    expect(JSON.parse(doc.stdout)).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });
});

test("the installed bin answers without loading cdktf or the AWS provider", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "gpu-workloads.js");
  expect(fs.existsSync(path.join(__dirname, "..", "..", "dist", "lib", "cli", "main.js"))).toBe(true); // built by `npm test` (npm run build)
  const probe = path.join(__dirname, "loaded-modules-probe.js");
  const result = spawnSync(process.execPath, ["--require", probe, bin, "select", "--workload", "realtime-inference", "--json"], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout).instanceType).toBe("g5.xlarge");
});

test("select --json loads its own command alone, and no plan reader", () => {
  const main = path.join(__dirname, "..", "..", "dist", "lib", "cli", "main.js");
  const script = `const { runCli } = require(${JSON.stringify(main)}); runCli(["select", "--workload", "realtime-inference", "--json"]); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded: string[] = JSON.parse(spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout);
  expect(loaded.filter((f) => f.endsWith("-command.js")).map((f) => path.basename(f))).toEqual(["select-command.js"]);
  expect(loaded.filter((f) => /[\\/]plan[\\/](read-plan|compare-plans|read-synth)\.js$/.test(f))).toEqual([]);
});

test("--version is answered by the bin before the CLI loads", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "gpu-workloads.js");
  const probe = `const Module = require("module"); const load = Module._load; Module._load = function (request, ...rest) { if (/cli[\\/]main/.test(request)) throw new Error("main loaded"); return load.call(this, request, ...rest); };`;
  const result = spawnSync(
    process.execPath,
    ["-e", `${probe} process.argv = [process.argv[0], ${JSON.stringify(bin)}, "--version"]; require(${JSON.stringify(bin)});`],
    { encoding: "utf8" },
  );
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe(`${JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version}\n`);
});
