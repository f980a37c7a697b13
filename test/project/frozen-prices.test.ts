import * as fs from "fs";
import * as path from "path";
import { DEFAULT_TAXONOMY } from "../../lib";
import { instancePrice } from "../../lib/taxonomy/pricing";
import * as frozen from "../frozen/regional-prices";

/** Behaviour tests price from the frozen table, so a price refresh (lib/taxonomy/data) changes the price tests only. */
describe("behaviour tests see frozen prices", () => {
  test("the library's price table is the frozen copy here", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the library itself resolves
    expect(require("../../lib/taxonomy/data/regional-prices")).toBe(frozen);
    expect(DEFAULT_TAXONOMY.spotPricesAsOf).toBe(frozen.REGIONAL_PRICES_AS_OF);
  });

  test("every frozen price is the one selection quotes", () => {
    const rows = new Map(DEFAULT_TAXONOMY.instanceTypes.map((t) => [t.instanceType, t]));
    let checked = 0;
    for (const [type, byRegion] of Object.entries(frozen.REGIONAL_OFFERS)) {
      const row = rows.get(type);
      if (!row) continue;
      for (const [region, [onDemand, spot]] of Object.entries(byRegion)) {
        if (!row.regions.includes(region)) continue;
        expect({ type, ...instancePrice(row, region) }).toMatchObject({
          type,
          region,
          usdPerInstanceHour: onDemand ?? row.usdPerInstanceHour ?? null,
          spotUsdPerInstanceHour: spot,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  test("the frozen copy is the refresh's format (a copy, not a hand-edited table)", () => {
    const real = fs.readFileSync(path.join(__dirname, "..", "..", "lib", "taxonomy", "data", "regional-prices.ts"), "utf8");
    const copy = fs.readFileSync(path.join(__dirname, "..", "frozen", "regional-prices.ts"), "utf8");
    const body = (text: string) => text.slice(text.indexOf("export const REGIONAL_PRICES_AS_OF"));
    // Same declarations in the same order; the prices may differ once the embedded table is refreshed.
    const declarations = (text: string) => [...body(text).matchAll(/^export (?:const|type) (\w+)/gm)].map((m) => m[1]);
    expect(declarations(copy)).toEqual(declarations(real));
  });
});
