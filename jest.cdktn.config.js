/**
 * The whole suite on CDK Terrain: every import of cdktf and @cdktf/provider-aws (in the library and in the tests)
 * resolves to cdktn and @cdktn/provider-aws, as in the build:cdktn package.
 */
const base = require("./jest.config.js");

const CDKTN = {
  "^cdktf$": "cdktn",
  "^cdktf/(.*)$": "cdktn/$1",
  "^@cdktf/provider-aws/(.*)$": "@cdktn/provider-aws/$1",
};

module.exports = {
  projects: base.projects.map((project) => ({
    ...project,
    // Read by test/project/framework-under-test.test.ts: the mapping below is in effect.
    globals: { FRAMEWORK: "cdktn" },
    // Checks of the source and the packages that no framework mapping changes run once, in `npm test`; so do the boot
    // scripts' referees (the sandbox, shellcheck, cloud-init): the scripts are lib/boot's text, the same on either framework.
    testPathIgnorePatterns: [
      ...(project.testPathIgnorePatterns ?? []),
      "/test/project/(api-docs|api-reference|imports|unconditional-asserts|package)\\.test\\.ts$",
      "/test/boot/",
    ],
    moduleNameMapper: { ...project.moduleNameMapper, ...CDKTN },
  })),
};
