import * as path from "path";
import { runCli } from "../../lib/cli/main";
import { SchemaSubsetValidator } from "./json-schema-subset";
import { selectInstance } from "../../lib/selection/select-instance";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";
import { NoFeasibleInstanceError } from "../../lib/validation/errors";
import { formatUsd } from "../../lib/plan/money";
import { captureError } from "../constructs/synth";

const stderr = (...argv: string[]) => runCli(argv).stderr.replace(/\s+/g, " ");

describe("an infeasible request names what made it so, by its flag, and the cheapest way to the rest", () => {
  test("the 405B model under $10/h: the ceiling is blamed, not the model, and p5en is the fix", () => {
    const error = captureError(() =>
      selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-405b", maxUsdPerHour: 10 }),
    ) as NoFeasibleInstanceError;
    expect(error).toBeInstanceOf(NoFeasibleInstanceError);
    expect(error.constraint).toBe("maxUsdPerHour");
    const p5en = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-405b", instanceType: "p5en.48xlarge" });
    const text = stderr("select", "--workload", "realtime-inference", "--model", "llama-3.1-405b", "--max-price", "10");
    expect(text).toContain("No instance type satisfies --max-price = 10 together with the other requirements.");
    expect(text).toContain(
      `The cheapest type that meets every other requirement: p5en.48xlarge (8× H200), ${formatUsd(p5en.onDemandUsdPerHour)}/h on-demand; it misses only this one:`,
    );
  });

  test("a deadline nothing meets names --deadline and the fastest plan", () => {
    const text = stderr("select", "--workload", "training", "--model", "llama-3.1-8b", "--training-tokens", "100000000000", "--deadline", "1");
    expect(text).toContain("No instance type satisfies --deadline = 1");
    expect(text).toMatch(/The fastest plan that meets every other requirement takes [\d.]+ h: 64 × p6-b200\.48xlarge \(8× B200\)/);
  });

  test("a memory need alone is still named when nothing else is missed", () => {
    const error = captureError(() =>
      selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-405b", gpus: ["A10G"] }),
    ) as NoFeasibleInstanceError;
    expect(error.constraint).toBe("model");
  });
});

describe('"did you mean" knows families and transpositions', () => {
  test.each([
    ["A100", '"A100-40GB" or "A100-80GB"'],
    ["A10", '"A10G" or "A100-40GB" or "A100-80GB"'],
    ["RTX-PRO", '"RTX-PRO-4500" or "RTX-PRO-6000"'],
    ["H10", '"H100"'],
  ])("--gpus %s suggests %s", (gpu, suggested) => {
    expect(stderr("select", "--workload", "training", "--gpus", gpu)).toContain(`--gpus names an unknown GPU "${gpu}". Did you mean ${suggested}?`);
  });

  test("--modle suggests --model, --gpu suggests --gpus", () => {
    expect(stderr("select", "--workload", "training", "--modle", "x")).toContain("select does not take --modle. Did you mean --model?");
    expect(stderr("select", "--workload", "training", "--gpu", "A10G")).toContain("select does not take --gpu. Did you mean --gpus?");
  });
});

test("select --input-tokens sizes an embedding fleet, in text and in JSON that keeps to its schema", () => {
  const argv = ["select", "--workload", "batch-processing", "--model", "bge-m3", "--context", "512", "--input-tokens", "1000000"];
  const text = runCli(argv).stdout.replace(/\n {2}(?=\S)/g, " ");
  expect(text).toMatch(/^Embedding: \d+ input tokens\/s per instance; \d+ replicas; \$[\d.]+ per million input tokens at spot prices$/m);
  expect(text).toMatch(/replicas +in tok\/s\/replica +\$\/M in/);
  const json = JSON.parse(runCli([...argv, "--json"]).stdout);
  expect(json.embedding).toMatchObject({ replicas: json.replicas, usdPerMillionInputTokens: expect.any(Number) });
  const schemas = new SchemaSubsetValidator(path.join(__dirname, "..", "..", "schema", "cli"));
  expect(schemas.validate("select.schema.json", json)).toEqual([]);
  expect(runCli(["select", "--workload", "batch-processing", "--model", "llama-3.1-8b", "--input-tokens", "100"]).stderr).toContain(
    "--input-tokens is 100; it sizes an embedding model's work; llama-3.1-8b is a language model (give throughput instead)",
  );
});

test("select --images-per-minute sizes an image fleet, in text and in JSON that keeps to its schema", () => {
  const argv = ["select", "--workload", "image-generation", "--model", "sdxl", "--images-per-minute", "100", "--steps", "30"];
  const text = runCli(argv).stdout.replace(/\n {2}(?=\S)/g, " ");
  expect(text).toMatch(/^Images: [\d.]+ per minute per instance at 30 steps; \d+ replicas; \$[\d.]+ per thousand images at on-demand prices$/m);
  expect(text).toMatch(/replicas +img\/min\/replica +\$\/k images/);
  const json = JSON.parse(runCli([...argv, "--json"]).stdout);
  expect(json.images).toMatchObject({ replicas: json.replicas, steps: 30, usdPerThousandImages: expect.any(Number) });
  const schemas = new SchemaSubsetValidator(path.join(__dirname, "..", "..", "schema", "cli"));
  expect(schemas.validate("select.schema.json", json)).toEqual([]);
  expect(schemas.validate("models.schema.json", JSON.parse(runCli(["models", "--json"]).stdout))).toEqual([]);
});
