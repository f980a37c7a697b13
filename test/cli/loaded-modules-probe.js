// Preloaded into the CLI's process by cli.test.ts: fails the process if cdktf or the provider was loaded.
process.on("exit", () => {
  const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\/](cdktf|@cdktf|constructs)[\\/]/.test(file));
  if (loaded.length) {
    process.stderr.write(`loaded: ${loaded[0]}\n`);
    process.exitCode = 9;
  }
});
