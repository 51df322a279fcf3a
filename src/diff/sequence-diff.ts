import { diffArrays } from 'diff';

/**
 * Sequence and character diffs for `--into`, on jsdiff (Myers' O(ND) diff): the cost grows with
 * the size of the change, not the product of the lengths, so a 2,400-character paragraph with
 * two one-character edits diffs as two small changes.
 */

/** The index pairs of `a` and `b` that match (a longest common subsequence by `same`), in order. */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a as T[], b as T[], { comparator: same })) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/** One piece of a character diff. */
export interface DiffPiece {
  op: '=' | '-' | '+';
  text: string;
}

/** Character diff of two strings, by code point, with neighbouring pieces of one kind joined. */
export function diffChars(before: string, after: string): DiffPiece[] {
  return cleanup(rawCharDiff(before, after));
}

/** The character diff as jsdiff gives it, by code point (a character outside the BMP stays whole). */
export function rawCharDiff(before: string, after: string): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const part of diffArrays([...before], [...after])) {
    const op = part.added ? '+' : part.removed ? '-' : '=';
    const text = part.value.join('');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) out.push({ op, text });
  }
  return out;
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

/**
 * How alike two strings are, 0–1: twice the common characters over both lengths. Strings less
 * than 0.3 alike count as 0: the diff stops there (its work grows with the edits), and every
 * caller's threshold is above it.
 */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const total = x.length + y.length;
  if (total === 0) return 1;
  // similarity = 1 − edits / total, so below 0.3 means more than 0.7 × total edits.
  const parts = diffArrays(x, y, { maxEditLength: Math.ceil(total * 0.7) });
  if (!parts) return 0;
  let common = 0;
  for (const part of parts) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return (2 * common) / total;
}
