/** Lower-cased, with vendor words and punctuation removed: "NVIDIA A100-80GB" → "a10080gb". */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(nvidia|tesla|geforce)\b/g, "")
    .replace(/[^a-z0-9.]/g, "");
}

/**
 * Up to `limit` candidates closest to `input` by edit distance (a swap of two neighbouring letters is one edit), closest
 * first; at the same distance, a candidate of the same letters (a transposition: "modle" → "model") first. Only
 * plausible ones.
 */
export function closestNames(input: string, candidates: readonly string[], limit = 2): string[] {
  const target = normalizeName(input);
  const letters = sortedLetters(target);
  const scored = candidates
    .map((c) => ({ c, n: normalizeName(c) }))
    .map(({ c, n }) => ({ c, n, d: editDistance(target, n), anagram: sortedLetters(n) === letters ? 0 : 1 }))
    .filter(({ n, d }) => d <= Math.max(2, Math.floor(n.length / 2)) || n.includes(target))
    .sort((a, b) => a.d - b.d || a.anagram - b.anagram || (a.c < b.c ? -1 : 1));
  return [...new Set(scored.map((s) => s.c))].slice(0, limit);
}

/**
 * Names of a family `input` is the stem of: "A100" → A100-40GB and A100-80GB, "RTX PRO" → RTX-PRO-6000 and RTX-PRO-4500.
 * Empty when the input names none, or is itself a name.
 */
export function familyMembers(input: string, names: readonly string[]): string[] {
  const stem = normalizeName(input);
  if (stem.length < 2 || names.some((n) => normalizeName(n) === stem)) return [];
  // The shortest completion first: "A10" is more likely the A10G than an A100.
  return names.filter((n) => normalizeName(n).startsWith(stem)).sort((a, b) => normalizeName(a).length - normalizeName(b).length || (a < b ? -1 : 1));
}

function sortedLetters(s: string): string {
  return [...s].sort().join("");
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, one edit each. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
