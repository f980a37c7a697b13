/** ts-jest in transpile-only mode (fast on two cores); `npm test` runs tsc over lib and tests first. */
const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
};

/** Tests of the embedded data itself, which must see today's prices: the taxonomy's tests and the refresh's. */
const PRICE_TESTS = ["<rootDir>/test/taxonomy/**/*.test.ts", "<rootDir>/test/scripts/refresh-taxonomy.test.ts"];

module.exports = {
  projects: [
    {
      ...common,
      displayName: "behaviour",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/test/taxonomy/", "/test/scripts/refresh-taxonomy\\.test\\.ts$"],
      // Behaviour is tested at frozen prices (test/frozen): a price refresh changes the price tests only.
      moduleNameMapper: { "^(.*/)?data/regional-prices$": "<rootDir>/test/frozen/regional-prices.ts" },
    },
    { ...common, displayName: "prices", testMatch: PRICE_TESTS },
  ],
};
