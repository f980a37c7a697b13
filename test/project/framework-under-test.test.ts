import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/** `npm test` runs on cdktf, `npm run test:cdktn` on CDK Terrain: the imports resolve to the framework under test. */
test("the suite runs on the framework it says it does", () => {
  const expected = (globalThis as { FRAMEWORK?: string }).FRAMEWORK ?? "cdktf";
  expect(require("cdktf/package.json").name).toBe(expected);
  expect(require("@cdktf/provider-aws/package.json").name).toBe(expected === "cdktn" ? "@cdktn/provider-aws" : "@cdktf/provider-aws");
  expect(TerraformStack.name).toBe("TerraformStack");
  expect(AwsProvider.tfResourceType).toBe("aws");
});
