#!/usr/bin/env node
// Loads only the taxonomy, selection and CLI: never cdktf or the AWS provider.
const { runCli } = require("../dist/lib/cli/main");
const result = runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
