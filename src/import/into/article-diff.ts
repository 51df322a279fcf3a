import { sectionNumber } from '../../templates/chinese-numerals.js';
import { diffChars, lcsPairs, similarity } from '../../diff/sequence-diff.js';

/**
 * A paragraph-level diff of two articles as YAML data (what the file holds before and after an
 * import), with the changed characters of a changed paragraph marked `[-删-]{+增+}`. Format
 * independent: it compares content, whatever it was imported from.
 */
export interface DiffLine {
  op: '~' | '+' | '-';
  /** Where: a field name, or the section path and the paragraph's number in it (`一、（二） ¶2`). */
  where: string;
  /** The text, or for `~` the text with its changes marked. */
  text: string;
}

export interface ArticleDiff {
  lines: DiffLine[];
  changed: number;
  added: number;
  removed: number;
}

type Data = Record<string, unknown>;

const FIELDS = ['kicker', 'title', 'titleLines', 'subtitle', 'column', 'date', 'source', 'author', 'editorNote', 'attachments', 'layouts', 'draft'];

interface Unit {
  kind: 'heading' | 'paragraph' | 'row' | 'caption' | 'item' | 'image';
  depth: number;
  /** What is compared. */
  text: string;
  /** Where, as a reader finds it. */
  where: string;
}

export function diffArticles(before: Data, after: Data): ArticleDiff {
  const lines: DiffLine[] = [];
  const keys = [...FIELDS, ...[...Object.keys(before), ...Object.keys(after)].filter((k) => !FIELDS.includes(k) && k !== 'body')];
  for (const key of [...new Set(keys)]) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (a === undefined) lines.push({ op: '+', where: key, text: show(b) });
    else if (b === undefined) lines.push({ op: '-', where: key, text: show(a) });
    else lines.push({ op: '~', where: key, text: typeof a === 'string' && typeof b === 'string' ? marked(a, b) : `[-${show(a)}-]{+${show(b)}+}` });
  }
  const ua = units(before['body']);
  const ub = units(after['body']);
  const key = (u: Unit) => `${u.kind}\u0000${u.depth}\u0000${u.text}`;
  const pairs = lcsPairs(ua, ub, (x, y) => key(x) === key(y));
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [ua.length, ub.length] as [number, number]]) {
    lines.push(...gap(ua.slice(i, pi), ub.slice(j, pj)));
    i = pi + 1;
    j = pj + 1;
  }
  return {
    lines,
    changed: lines.filter((l) => l.op === '~').length,
    added: lines.filter((l) => l.op === '+').length,
    removed: lines.filter((l) => l.op === '-').length,
  };
}

/** Between two matched units: pairs of alike units are changes, the rest removals and additions. */
function gap(removed: Unit[], added: Unit[]): DiffLine[] {
  const out: DiffLine[] = [];
  let r = 0;
  for (const b of added) {
    const k = removed.findIndex((a, idx) => idx >= r && a.kind === b.kind && (a.text === b.text || similarity(a.text, b.text) >= 0.4));
    if (k < 0) {
      out.push({ op: '+', where: b.where, text: shorten(b.text) });
      continue;
    }
    for (; r < k; r++) out.push({ op: '-', where: removed[r]!.where, text: shorten(removed[r]!.text) });
    const a = removed[k]!;
    r = k + 1;
    const moved = a.depth !== b.depth ? ` (moved: was at ${a.where})` : '';
    out.push({ op: '~', where: b.where, text: (a.text === b.text ? shorten(a.text) : marked(a.text, b.text)) + moved });
  }
  for (; r < removed.length; r++) out.push({ op: '-', where: removed[r]!.where, text: shorten(removed[r]!.text) });
  return out;
}

/** Flattens a body into units in reading order, each with where a reader finds it. */
function units(body: unknown): Unit[] {
  const out: Unit[] = [];
  const walk = (blocks: unknown, depth: number, path: string) => {
    if (!Array.isArray(blocks)) return;
    let n = 0;
    let paragraph = 0;
    const here = (what: string) => (path ? `${path} ${what}` : what);
    for (const b of blocks) {
      if (typeof b === 'string') {
        out.push({ kind: 'paragraph', depth, text: b, where: here(`¶${++paragraph}`) });
        continue;
      }
      if (!b || typeof b !== 'object') continue;
      const o = b as Data;
      if (typeof o['heading'] === 'string') {
        const number = depth < 4 ? sectionNumber(depth + 1, ++n) : '';
        const p = path + number;
        out.push({ kind: 'heading', depth, text: o['heading'], where: `§${p}` });
        walk(o['body'], depth + 1, p);
      } else if (o['table'] && typeof o['table'] === 'object') {
        const t = o['table'] as Data;
        const label = here(`table ${++paragraph}`);
        if (typeof t['caption'] === 'string') out.push({ kind: 'caption', depth, text: t['caption'], where: label });
        const rows = [...(Array.isArray(t['header']) ? [t['header']] : []), ...(Array.isArray(t['rows']) ? t['rows'] : [])];
        rows.forEach((row, k) => out.push({ kind: 'row', depth, text: Array.isArray(row) ? row.map(String).join(' | ') : String(row), where: `${label} row ${k + 1}` }));
      } else if (Array.isArray(o['list'])) {
        const label = here(`list ${++paragraph}`);
        o['list'].forEach((item, k) => out.push({ kind: 'item', depth, text: String(item), where: `${label} item ${k + 1}` }));
      } else if (o['image'] && typeof o['image'] === 'object') {
        const im = o['image'] as Data;
        out.push({ kind: 'image', depth, text: `${String(im['src'])}${im['caption'] ? `（${String(im['caption'])}）` : ''}`, where: here(`image ${++paragraph}`) });
      }
    }
  };
  walk(body, 0, '');
  return out;
}

const CONTEXT = 12;
const LONG = 60;

/** `before` → `after` with the changes marked, long unchanged stretches cut to some context. */
export function marked(before: string, after: string): string {
  const pieces = diffChars(before, after);
  return pieces
    .map((p, k) => {
      if (p.op === '-') return `[-${p.text}-]`;
      if (p.op === '+') return `{+${p.text}+}`;
      const chars = [...p.text];
      const first = k === 0;
      const last = k === pieces.length - 1;
      if (chars.length <= 2 * CONTEXT + 1) return p.text;
      if (first) return '…' + chars.slice(-CONTEXT).join('');
      if (last) return chars.slice(0, CONTEXT).join('') + '…';
      return chars.slice(0, CONTEXT).join('') + '…' + chars.slice(-CONTEXT).join('');
    })
    .join('');
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= LONG ? text : `${chars.slice(0, LONG).join('')}…（${chars.length}字）`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? shorten(v) : JSON.stringify(v);
}

/** The diff as the import command prints it: a count, then one line per change. */
export function formatDiff(diff: ArticleDiff, before: string, after: string): string {
  const n = diff.lines.length;
  if (n === 0) return `no changes: ${after} has the content of ${before}`;
  const parts = [diff.changed && `${diff.changed} changed`, diff.added && `${diff.added} added`, diff.removed && `${diff.removed} removed`].filter(Boolean).join(', ');
  const width = Math.min(24, Math.max(...diff.lines.map((l) => displayWidth(l.where))));
  const out = [`--- ${before}`, `+++ ${after}`, `${n} change${n === 1 ? '' : 's'} (${parts}); [-removed-] and {+added+} characters marked`];
  for (const l of diff.lines) out.push(`${l.op} ${l.where}${' '.repeat(Math.max(1, width - displayWidth(l.where) + 2))}${l.text}`);
  return out.join('\n');
}

/** Columns a string takes in a terminal: Chinese characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
