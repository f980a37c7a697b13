import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { containsToken } from "../../lib/specs/terraform-text";
import { checkStatement, readS3Statements } from "../../lib/specs/iam";

/** The resource specs recognise tokens without the framework: the same answers as cdktf's own Token.isUnresolved. */
describe("tokens in resource specs, without cdktf", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const variable = new TerraformVariable(stack, "bucket", {});

  test("text with a token is one, as cdktf says; plain text, Terraform's own syntax and a list token's element are not", () => {
    const values: unknown[] = [
      variable.stringValue,
      `${variable.stringValue}/models/*`,
      variable.listValue[0],
      "arn:aws:s3:::plain",
      "${aws_s3_bucket.x.arn}",
      "",
      3,
    ];
    expect(values.map(containsToken)).toEqual(values.map((v) => Token.isUnresolved(v)));
    expect(values.map(containsToken)).toEqual([true, true, false, false, false, false, false]);
  });

  test("the IAM specs leave a referenced ARN to Terraform and still refuse a wildcard around it", () => {
    const bucket = variable.stringValue;
    expect(readS3Statements(bucket, "llama/")[0].resources).toEqual([`${bucket}/llama/*`]);
    expect(() => checkStatement("statement", { actions: ["s3:GetObject"], resources: [`${bucket}/*`] })).toThrow(
      /statement.resources\[0\] is .*a wildcard in an ARN's resource part/,
    );
    expect(() => checkStatement("statement", { actions: ["s3:GetObject"], resources: [bucket] })).not.toThrow();
  });
});
