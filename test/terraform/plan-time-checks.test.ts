import { TerraformVariable } from "cdktf";
import { RealtimeInference } from "../../lib";
import { findReferee } from "../../scripts/tf-validate";
import { NETWORK, only, synthStack } from "../constructs/synth";
import { evaluate } from "./console";

const describeWithTerraform = "skipped" in findReferee() ? describe.skip : describe;

/** The precondition Terraform evaluates for an ingress CIDR known only at plan, with `cidr` in place of the variable. */
function ingressCheck(allowPublicAddresses: boolean): (cidr: string) => string {
  const json = synthStack((s) => {
    const clients = new TerraformVariable(s, "clients", { type: "string" });
    new RealtimeInference(s, "w", { network: NETWORK, allowFrom: [{ cidr: clients.stringValue, port: 8000, allowPublicAddresses }] });
  });
  const condition: string = only(json, "aws_vpc_security_group_ingress_rule").lifecycle.precondition[0].condition;
  const expression = condition.replace(/^\$\{/, "").replace(/\}$/, "");
  return (cidr) => expression.replace(/var\.clients/g, JSON.stringify(cidr));
}

describeWithTerraform("plan-time checks, evaluated by Terraform itself", () => {
  test("an ingress CIDR from a variable: private blocks pass, public and malformed ones fail", () => {
    const cases: [string, boolean, boolean][] = [
      // cidr, passes without opt-in, passes with allowPublicAddresses
      ["10.0.0.0/8", true, true],
      ["10.20.0.0/16", true, true],
      ["172.16.0.0/12", true, true],
      ["172.31.4.0/24", true, true],
      ["192.168.0.0/16", true, true],
      ["100.64.0.0/10", true, true],
      ["198.19.0.0/16", true, true],
      ["172.32.0.0/16", false, true],
      ["8.8.8.0/24", false, true],
      ["0.0.0.0/1", false, true],
      ["128.0.0.0/1", false, true],
      ["10.0.0.0/7", false, true],
      ["0.0.0.0/0", false, false],
      ["not-a-cidr", false, false],
      ["10.0.0.0/99", false, false],
    ];
    const privateOnly = ingressCheck(false);
    const publicAllowed = ingressCheck(true);
    const results = evaluate([...cases.map(([c]) => privateOnly(c)), ...cases.map(([c]) => publicAllowed(c))]);
    expect(results).toEqual([...cases.map(([, p]) => String(p)), ...cases.map(([, , q]) => String(q))]);
  });
});
