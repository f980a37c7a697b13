import * as fs from "fs";
import * as path from "path";
import { DEFAULT_TAXONOMY, RealtimeInference } from "../../lib";
import { gpuMatchCondition } from "../../lib/constructs/private/drift-guard";
import { gpuModel } from "../../lib/taxonomy/taxonomy";
import { findReferee } from "../../scripts/tf-validate";
import { NETWORK, only, synthStack } from "../constructs/synth";
import { evaluate } from "./console";

interface Gpu {
  readonly name: string;
  readonly manufacturer: string;
  readonly count: number;
  readonly memory_size: number;
}
const recorded: { types: Record<string, { current: Gpu[]; quirks?: { note: string; gpus: Gpu[] }[] }> } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "ec2-describe-gpus.json"), "utf8"),
);

/** An HCL list of GPU objects, as aws_ec2_instance_type.gpus holds them. */
const hcl = (gpus: readonly Gpu[]) =>
  `[${gpus.map((g) => `{name = ${JSON.stringify(g.name)}, manufacturer = ${JSON.stringify(g.manufacturer)}, count = ${g.count}, memory_size = ${g.memory_size}}`).join(", ")}]`;

const describeWithTerraform = "skipped" in findReferee() ? describe.skip : describe;

describeWithTerraform("the drift guard, evaluated by Terraform against what EC2 reports", () => {
  test("true on EC2's answer (and its known quirks) for every type of the table; false on a wrong GPU, fewer GPUs or much less memory", () => {
    const cases: { type: string; what: string; expression: string; expected: boolean }[] = [];
    for (const spec of DEFAULT_TAXONOMY.instanceTypes) {
      const answer = recorded.types[spec.instanceType];
      expect({ type: spec.instanceType, recorded: Boolean(answer) }).toEqual({ type: spec.instanceType, recorded: true });
      const condition = (gpus: readonly Gpu[]) => gpuMatchCondition(spec, gpuModel(DEFAULT_TAXONOMY, spec.gpu), hcl(gpus));
      const [current] = answer.current;
      cases.push({ type: spec.instanceType, what: "EC2's answer", expression: condition(answer.current), expected: true });
      for (const quirk of answer.quirks ?? []) cases.push({ type: spec.instanceType, what: quirk.note, expression: condition(quirk.gpus), expected: true });
      const otherName = current.name === "A100" ? "H100" : "A100";
      cases.push({ type: spec.instanceType, what: "another GPU", expression: condition([{ ...current, name: otherName }]), expected: false });
      cases.push({
        type: spec.instanceType,
        what: "a quarter of the memory",
        expression: condition([{ ...current, memory_size: Math.floor(current.memory_size / 4) }]),
        expected: false,
      });
      if (current.count > 1)
        cases.push({ type: spec.instanceType, what: "fewer GPUs", expression: condition([{ ...current, count: current.count / 2 }]), expected: false });
    }
    const results = evaluate(cases.map((c) => c.expression));
    expect(cases.map((c, i) => ({ type: c.type, what: c.what, holds: results[i] }))).toEqual(
      cases.map((c) => ({ type: c.type, what: c.what, holds: String(c.expected) })),
    );
    expect(cases.length).toBeGreaterThan(200);
  });

  test("the launch template carries that condition against the stack's one description of the type, read only where it is offered", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK }));
    const [offered, gpuCheck] = only(json, "aws_launch_template").lifecycle.precondition;
    const spec = DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === "g5.xlarge")!;
    const gpus = "flatten(data.aws_ec2_instance_type.gpu-workloads-ec2-g5xlarge[*].gpus)";
    expect(offered.condition).toBe("${length(data.aws_ec2_instance_type_offerings.gpu-workloads-ec2-g5xlarge-offering.instance_types) > 0}");
    expect(gpuCheck.condition).toBe(
      `\${length(data.aws_ec2_instance_type_offerings.gpu-workloads-ec2-g5xlarge-offering.instance_types) == 0 || ${gpuMatchCondition(spec, gpuModel(DEFAULT_TAXONOMY, "A10G"), gpus)}}`,
    );
    expect(json.data!.aws_ec2_instance_type["gpu-workloads-ec2-g5xlarge"]).toMatchObject({
      instance_type: "g5.xlarge",
      count: "${length(data.aws_ec2_instance_type_offerings.gpu-workloads-ec2-g5xlarge-offering.instance_types)}",
    });
  });
});
