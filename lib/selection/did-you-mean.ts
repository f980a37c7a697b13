/** Lower-cased, with vendor words and punctuation removed: "NVIDIA A100-80GB" → "a10080gb". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(nvidia|tesla|geforce)\b/g, "")
    .replace(/[^a-z0-9.]/g, "");
}

/** Up to `limit` candidates closest to `input` by edit distance, closest first; only plausible ones. */
export function closestNames(input: string, candidates: readonly string[], limit = 2): string[] {
  const target = normalizeName(input);
  const scored = candidates
    .map((c) => ({ c, d: editDistance(target, normalizeName(c)) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(normalizeName(c).length / 2)) || normalizeName(c).includes(target))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return [...new Set(scored.map((s) => s.c))].slice(0, limit);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
