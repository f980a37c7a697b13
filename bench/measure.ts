/** Peak resident set size of this process so far (the kernel's high-water mark, so short spikes count), in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints the one JSON line a parent reads. */
export function report(result: object): void {
  process.stdout.write(JSON.stringify(result) + "\n");
}
