import { lcsPairs, similarity } from '../../diff/sequence-diff.js';

/**
 * Which section a paragraph after a subsection belongs to is not on the page: the closing
 * paragraph after the last section reads the same inside it or after it, and so does a Word
 * draft. When the content file being updated is at hand, its structure answers: each block
 * after a heading goes at the depth its counterpart had there (the same text, or the text it
 * was edited from), never deeper than the heading before it.
 */
type Block = unknown;

interface Item {
  heading?: string;
  /** Depth of a block (0 = top level), or of a heading's section (1 = top-level section). */
  depth: number;
  block?: Block;
  /** The heading's own body items are not kept here: the tree is rebuilt from the flat list. */
  key: string;
}

function flatten(body: readonly Block[], depth: number, out: Item[]): Item[] {
  for (const b of body) {
    if (b && typeof b === 'object' && typeof (b as { heading?: unknown }).heading === 'string') {
      const s = b as { heading: string; body?: Block[] };
      out.push({ heading: s.heading, depth: depth + 1, key: `h\u0000${s.heading}` });
      flatten(s.body ?? [], depth + 1, out);
    } else out.push({ block: b, depth, key: `b\u0000${JSON.stringify(b)}` });
  }
  return out;
}

/** Rebuilds `body`'s section tree with the block depths of `reference` where blocks correspond. */
export function restructure(body: readonly Block[], reference: readonly Block[]): Block[] {
  const items = flatten(body, 0, []);
  const ref = flatten(reference, 0, []);
  const hint = new Map<Item, number>();
  const pairs = lcsPairs(items, ref, (a, b) => a.key === b.key);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [items.length, ref.length] as [number, number]]) {
    // Unmatched blocks in a gap take the depth of the removed block most like them, in order.
    const removed = ref.slice(j, pj).filter((r) => !r.heading);
    let r = 0;
    for (const it of items.slice(i, pi)) {
      if (it.heading) continue;
      const text = JSON.stringify(it.block);
      const k = removed.findIndex((x, idx) => idx >= r && similarity(JSON.stringify(x.block), text) >= 0.4);
      if (k >= 0) {
        hint.set(it, removed[k]!.depth);
        r = k + 1;
      }
    }
    if (pi < items.length && !items[pi]!.heading) hint.set(items[pi]!, ref[pj]!.depth);
    i = pi + 1;
    j = pj + 1;
  }

  const root: Block[] = [];
  const stack: Block[][] = [root];
  let runDepth: number | undefined;
  for (const it of items) {
    if (it.heading !== undefined) {
      const level = Math.min(it.depth, stack.length);
      stack.length = level;
      const section = { heading: it.heading, body: [] as Block[] };
      stack[level - 1]!.push(section);
      stack.push(section.body);
      runDepth = undefined;
      continue;
    }
    const open = stack.length - 1;
    const wanted = hint.get(it) ?? runDepth ?? open;
    const depth = Math.min(wanted, open, runDepth ?? open);
    stack.length = depth + 1;
    stack[depth]!.push(it.block);
    runDepth = depth;
  }
  return root;
}
