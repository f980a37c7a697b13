import fc from "fast-check";
import { formatUsd, groupThousands } from "../../lib/plan/money";

test("money prints as en-US's toLocaleString would, without starting ICU", () => {
  expect(formatUsd(80358.4)).toBe("$80,358.40");
  expect(formatUsd(0)).toBe("$0.00");
  expect(groupThousands(1234567)).toBe("1,234,567");
  expect(groupThousands(-1234.5, 2)).toBe("-1,234.50");
  // Half up on the digits it prints as, as Intl does: toFixed would round the binary value below them down.
  expect(groupThousands(162839223423.6985, 3)).toBe("162,839,223,423.699");
  expect(groupThousands(0.995, 2)).toBe((0.995).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  fc.assert(
    fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, decimals) => {
      const locale = x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
      expect(groupThousands(x, decimals)).toBe(locale === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : locale);
    }),
    { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 5000) },
  );
});
