import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/** `npm test` runs on cdktf, `npm run test:cdktn` on CDK Terrain: the imports resolve to the framework under test. */
test("the suite runs on the framework it says it does", () => {
  const expected = (globalThis as { FRAMEWORK?: string }).FRAMEWORK ?? "cdktf";
  // Required, not imported: under test:cdktn jest maps these names to CDK Terrain's packages.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require("cdktf/package.json").name).toBe(expected);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require("@cdktf/provider-aws/package.json").name).toBe(expected === "cdktn" ? "@cdktn/provider-aws" : "@cdktf/provider-aws");
  expect(TerraformStack.name).toBe("TerraformStack");
  expect(AwsProvider.tfResourceType).toBe("aws");
});
