/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment):
 * `titel` is one slip from `title`, not two. Small and exact; the lists it runs on are short.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * Edits a word of this length may be from what was meant: one for a short word (two edits turn
 * `dat` into most three-letter names), two up to eight characters, three past that.
 */
export function editBudget(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The candidate the word is a slip of, if exactly one is closest within the word's edit budget
 * (case ignored). Two candidates as close as each other are no answer (a hint that guesses
 * between `h1` and `h2` misleads more than it helps), unless exactly one of them has the word's
 * own letters: `pfd` is `pdf` with two letters swapped, not `ofd` with one changed.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const budget = editBudget([...word].length);
  let closest: string[] = [];
  let bestDistance = Infinity;
  for (const c of new Set(candidates)) {
    // A length difference past the budget cannot be closed: skip the full computation.
    if (Math.abs(c.length - w.length) > budget) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d > budget || d > bestDistance) continue;
    if (d < bestDistance) closest = [];
    bestDistance = d;
    closest.push(c);
  }
  if (closest.length <= 1) return closest[0];
  const letters = (s: string) => [...s.toLowerCase()].sort().join('');
  const anagrams = closest.filter((c) => letters(c) === letters(w));
  return anagrams.length === 1 ? anagrams[0] : undefined;
}
