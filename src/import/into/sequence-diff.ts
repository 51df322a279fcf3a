/**
 * Longest common subsequence of two sequences by a key: the index pairs that match, in order.
 * Common ends are matched first, so a few edits in a long sequence cost little; the middle is
 * solved exactly when it is small enough (`maxCells`), else left unmatched.
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean, maxCells = 4_000_000): [number, number][] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= maxCells) {
    // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB), in one flat array.
    const w = m + 1;
    const lengths = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * w + j] = same(a[start + i]!, b[start + j]!) ? lengths[(i + 1) * w + j + 1]! + 1 : Math.max(lengths[(i + 1) * w + j]!, lengths[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (same(a[start + i]!, b[start + j]!)) {
        pairs.push([start + i, start + j]);
        i++;
        j++;
      } else if (lengths[(i + 1) * w + j]! >= lengths[i * w + j + 1]!) i++;
      else j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** One piece of a character diff. */
export interface DiffPiece {
  op: '=' | '-' | '+';
  text: string;
}

/** Character diff of two strings, by code point, with neighbouring pieces of one kind joined. */
export function diffChars(before: string, after: string): DiffPiece[] {
  const a = [...before];
  const b = [...after];
  const pairs = lcsPairs(a, b, (x, y) => x === y);
  const out: DiffPiece[] = [];
  const push = (op: DiffPiece['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    push('-', a.slice(i, pi).join(''));
    push('+', b.slice(j, pj).join(''));
    if (pi < a.length) push('=', a[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  return cleanup(out);
}

/**
 * A lone common character between two edits reads as noise (新[-冠-]{+型+}肺 …): fold it into
 * the edits around it, so a reader sees whole words replaced.
 */
function cleanup(pieces: DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const prev = out[out.length - 1];
    const next = pieces[k + 1];
    if (p.op === '=' && [...p.text].length === 1 && prev && prev.op !== '=' && next && next.op !== '=') {
      // Split into a deletion and an insertion of the same character, then merge by kind.
      out.push({ op: '-', text: p.text }, { op: '+', text: p.text });
      continue;
    }
    out.push({ ...p });
  }
  // Regroup each run of edits as one deletion followed by one insertion.
  const grouped: DiffPiece[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) grouped.push({ op: '-', text: del });
    if (ins) grouped.push({ op: '+', text: ins });
    del = '';
    ins = '';
  };
  for (const p of out) {
    if (p.op === '-') del += p.text;
    else if (p.op === '+') ins += p.text;
    else {
      flush();
      grouped.push(p);
    }
  }
  flush();
  return grouped;
}

/** How alike two strings are, 0–1: twice the common characters over both lengths. */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length + y.length === 0) return 1;
  const common = lcsPairs(x, y, (p, q) => p === q, 1_000_000).length;
  return (2 * common) / (x.length + y.length);
}
