#!/usr/bin/env node
// Loads only the taxonomy, selection and CLI: never cdktf or the AWS provider.
const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === "--version") {
  // Answered before anything loads: the package's own manifest, next to this folder.
  process.stdout.write(`${require("../package.json").version}\n`);
} else {
  const { runCli } = require("../dist/lib/cli/main");
  const result = runCli(argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
