import { Document, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { sourceOffsetOf } from './yaml-source.js';
import { lcsPairs, rawCharDiff } from '../diff/sequence-diff.js';

/**
 * Edits the text of a YAML file so that its data becomes `after`, changing only the nodes whose
 * data differ: everything else (comments, quoting, `{ padded: flow }` maps, blank lines, the
 * order of keys) stays byte for byte. A changed string is edited character by character in its
 * own quoting where it can be; a changed list keeps its unchanged items and edits, inserts or
 * removes the others; a new key goes where `rank` puts it. The result is parsed back and must
 * hold `after`; if it would not, the whole document is written anew (never wrong data).
 */
export interface EditOptions {
  /** Whether two values are the same data (e.g. a table cell `1` and `'1'`); deep equality by default. */
  equal?: (a: unknown, b: unknown) => boolean;
  /** Where a new key goes among a mapping's keys (lower first); at the end when absent. */
  rank?: (key: string) => number;
  /** Styles a newly written node (e.g. table rows as flow lists). */
  style?: (node: Node) => void;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Data = Record<string, unknown>;

export function editYamlData(text: string, after: unknown, options: EditOptions = {}): { text: string; exact: boolean } {
  const doc = parseDocument(text);
  const equal = options.equal ?? sameData;
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]!.message}`);
  if (equal(doc.toJS(), after)) return { text, exact: true };
  const padded = /\[ \S/.test(text) && !/\[[^\s\]]/.test(text);
  const editor = new Editor(text, doc, equal, options, padded);
  try {
    if (doc.contents) editor.node(doc.contents as Node, after, { flow: false });
    const edited = apply(text, editor.edits);
    const check = parseDocument(edited);
    if (check.errors.length === 0 && equal(check.toJS(), after)) return { text: edited, exact: true };
    if (process.env.JIANBAO_DEBUG_EDIT) console.error(edited, check.errors);
  } catch (e) {
    if (process.env.JIANBAO_DEBUG_EDIT) console.error(e);
    // fall through to a whole rewrite
  }
  const whole = new Document(after);
  whole.contents && options.style?.(whole.contents as Node);
  return { text: whole.toString({ lineWidth: 0, flowCollectionPadding: padded }), exact: false };
}

interface Ctx {
  /** Inside a flow collection: plain scalars may not hold , [ ] { }. */
  flow: boolean;
  /** The column of the key this node is the value of, when it is a block mapping's value. */
  keyColumn?: number;
}

class Editor {
  edits: Edit[] = [];
  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly equal: (a: unknown, b: unknown) => boolean,
    private readonly options: EditOptions,
    private readonly padded: boolean,
  ) {}

  private js(node: unknown): unknown {
    return node && typeof node === 'object' && 'toJS' in node ? (node as Node).toJS(this.doc) : node;
  }

  node(node: Node, value: unknown, ctx: Ctx): void {
    if (this.equal(this.js(node), value)) return;
    if (isMap(node) && isObject(value)) return node.flow ? this.flowMap(node, value) : this.map(node, value);
    if (isSeq(node) && Array.isArray(value)) return node.flow ? this.flowSeq(node, value) : this.seq(node, value);
    if (isScalar(node) && typeof node.value === 'string' && typeof value === 'string' && this.spliceString(node, value, ctx)) return;
    this.replace(node, value, ctx);
  }

  /** A block mapping: changed values edited, missing keys removed, new keys inserted by rank. */
  private map(node: YAMLMap, value: Data): void {
    const present = new Set<string>();
    const column = this.column(node.range![0]);
    for (const pair of node.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) throw new Error('a complex key');
      present.add(key);
      if (!(key in value)) {
        this.removePair(pair);
        continue;
      }
      const v = pair.value as Node | null;
      if (v === null || !v.range) this.insertValue(pair, value[key]);
      else this.node(v, value[key], { flow: false, keyColumn: column });
    }
    const added = Object.keys(value).filter((k) => !present.has(k));
    const rank = this.options.rank ?? (() => Number.MAX_SAFE_INTEGER);
    for (const key of added) {
      const items = node.items as Pair[];
      const n = items.findIndex((p) => isScalar(p.key) && rank(String(p.key.value)) > rank(key));
      // After the pair before (its comments stay with the pair after), else before the first.
      const at = n === 0 ? this.lineStart((items[0]!.key as Node).range![0]) : this.pairEnd(items[(n < 0 ? items.length : n) - 1]!);
      this.edits.push({ start: at, end: at, text: ' '.repeat(column) + this.renderPair(key, value[key], column) + '\n' });
    }
  }

  /** A block list: unchanged items stay, alike ones are edited, the rest removed or inserted. */
  private seq(node: YAMLSeq, value: unknown[]): void {
    const items = node.items as Node[];
    const old = items.map((n) => this.js(n));
    const anchors = lcsPairs(value, old, this.equal);
    const column = this.column(node.range![0]);
    let i = 0;
    let j = 0;
    for (const [ai, aj] of [...anchors, [value.length, old.length] as [number, number]]) {
      const fresh = value.slice(i, ai);
      const gone = items.slice(j, aj);
      const paired = Math.min(fresh.length, gone.length);
      for (let k = 0; k < paired; k++) {
        if (sameKind(fresh[k], old[j + k])) this.node(gone[k]!, fresh[k], { flow: false });
        else this.replace(gone[k]!, fresh[k], { flow: false });
      }
      const extraNew = fresh.slice(paired);
      const extraOld = gone.slice(paired);
      const newText = extraNew.map((v) => ' '.repeat(column) + '- ' + this.renderBlock(v, column + 2) + '\n').join('');
      if (extraOld.length > 0) {
        const start = this.lineStart(extraOld[0]!.range![0]);
        const end = this.itemEnd(extraOld[extraOld.length - 1]!);
        this.edits.push({ start, end, text: newText });
      } else if (newText) {
        // After the item before (a comment above the next item stays with it), else before the first.
        const prev = j + paired - 1;
        const at = prev >= 0 ? this.itemEnd(items[prev]!) : aj < items.length ? this.lineStart(items[aj]!.range![0]) : this.blockEnd(node);
        this.edits.push({ start: at, end: at, text: newText });
      }
      i = ai + 1;
      j = aj + 1;
    }
  }

  /** A flow list (`[a, b]`): item by item when the count stays, else written anew in flow style. */
  private flowSeq(node: YAMLSeq, value: unknown[]): void {
    if (value.length !== node.items.length || node.items.some((n) => !isScalar(n) && !isSeq(n) && !isMap(n))) return this.replace(node, value, { flow: true });
    node.items.forEach((n, k) => this.node(n as Node, value[k], { flow: true }));
  }

  /** A flow mapping (`{ caption: …, rows: … }`): value by value when the keys stay, else written anew. */
  private flowMap(node: YAMLMap, value: Data): void {
    const keys = (node.items as Pair[]).map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    if (keys.length !== Object.keys(value).length || keys.some((k) => !(k in value)) || (node.items as Pair[]).some((p) => !p.value)) return this.replace(node, value, { flow: true });
    for (const p of node.items as Pair[]) this.node(p.value as Node, value[String((p.key as Scalar).value)], { flow: true });
  }

  /**
   * A changed string edited in place, character by character, in its own quoting: only the
   * characters that changed change. False when a change cannot be placed exactly (around
   * whitespace a folded line may have become, or text its quoting cannot hold).
   */
  private spliceString(node: Scalar, value: string, ctx: Ctx): boolean {
    const old = node.value as string;
    const [start, end] = node.range!;
    const at = (index: number) => sourceOffsetOf(this.text, start, end, node.type, old, index);
    const edits: Edit[] = [];
    let index = 0;
    for (const piece of rawCharDiff(old, value)) {
      if (piece.op === '=') {
        index += piece.text.length;
        continue;
      }
      const removed = piece.op === '-' ? piece.text : '';
      const inserted = piece.op === '+' ? piece.text : '';
      const text = this.quoted(inserted, node.type, ctx);
      if (text === undefined) return false;
      if (removed) {
        if (/\s/.test(removed)) return false;
        const from = at(index);
        if (from === undefined || this.text.slice(from, from + removed.length) !== removed) return false;
        edits.push({ start: from, end: from + removed.length, text: '' });
        index += removed.length;
      } else {
        // An insertion sits after the character before it, or before the one after it.
        const before = index > 0 ? old[index - 1]! : undefined;
        const after = index < old.length ? old[index]! : undefined;
        let pos: number | undefined;
        if (after !== undefined && !/\s/.test(after)) pos = at(index);
        else if (before !== undefined && !/\s/.test(before) && !/[\ud800-\udfff]/.test(before)) {
          const p = at(index - 1);
          pos = p !== undefined && this.text[p] === before ? p + 1 : undefined;
        }
        if (pos === undefined) return false;
        edits.push({ start: pos, end: pos, text });
      }
    }
    // A removal followed by an insertion at the same place is one replacement.
    this.edits.push(...joinEdits(edits));
    return true;
  }

  /** Inserted text as the scalar's quoting writes it; undefined when plain text cannot hold it. */
  private quoted(s: string, type: Scalar['type'], ctx: Ctx): string | undefined {
    if (s === '') return '';
    if (type === 'QUOTE_DOUBLE') return JSON.stringify(s).slice(1, -1);
    if (type === 'QUOTE_SINGLE') return /\n/.test(s) ? undefined : s.replace(/'/g, "''");
    if (/[\n#]|: |^\s|\s$/.test(s)) return undefined;
    if (ctx.flow && /[,[\]{}]/.test(s)) return undefined;
    if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' || type === 'PLAIN' || type === undefined) return s;
    return undefined;
  }

  /** The node written anew in its place, as a block where it was one, else on its line. */
  private replace(node: Node, value: unknown, ctx: Ctx): void {
    const [start, end] = node.range!;
    const blockCollection = (isMap(node) || isSeq(node)) && !(node as YAMLMap).flow;
    // Block collections and block scalars end after their last newline; keep one there.
    const keepNewline = this.text[end - 1] === '\n' ? '\n' : '';
    if (ctx.flow) {
      this.edits.push({ start, end, text: this.renderFlow(value) });
      return;
    }
    const collection = isObject(value) || Array.isArray(value);
    let text: string;
    if (!collection) text = this.renderInline(value, this.lineIndent(start));
    else if (blockCollection) text = this.renderBlock(value, this.column(start));
    else if (ctx.keyColumn !== undefined) text = '\n' + ' '.repeat(ctx.keyColumn + 2) + this.renderBlock(value, ctx.keyColumn + 2);
    else text = this.renderBlock(value, this.column(start));
    this.edits.push({ start, end, text: text + (keepNewline && !text.endsWith('\n') ? keepNewline : '') });
  }

  /** `key:` with nothing after it, now given a value. */
  private insertValue(pair: Pair, value: unknown): void {
    const key = pair.key as Node;
    const colon = this.text.indexOf(':', key.range![1]);
    if (colon < 0) throw new Error('no colon after a key');
    const column = this.column(key.range![0]);
    const collection = isObject(value) || Array.isArray(value);
    const text = collection ? '\n' + ' '.repeat(column + 2) + this.renderBlock(value, column + 2) : ' ' + this.renderInline(value, column);
    this.edits.push({ start: colon + 1, end: colon + 1, text: text.replace(/\n$/, '') });
  }

  private removePair(pair: Pair): void {
    this.edits.push({ start: this.lineStart((pair.key as Node).range![0]), end: this.pairEnd(pair), text: '' });
  }

  /** Where a block mapping's pair ends (after its last line's newline). */
  private pairEnd(pair: Pair): number {
    const v = pair.value as Node | null;
    const end = v?.range ? Math.max(v.range[1], v.range[2]) : (pair.key as Node).range![2];
    return this.text[end - 1] === '\n' ? end : this.lineEnd(end);
  }

  /** `key: value` (or `key:` and a block under it), its first line unindented, the rest under `column`. */
  private renderPair(key: string, value: unknown, column: number): string {
    const doc = new Document({ [key]: value });
    if (doc.contents) this.options.style?.(doc.contents as Node);
    return indentAfterFirst(doc.toString({ lineWidth: 0, flowCollectionPadding: this.padded }).replace(/\n$/, ''), column);
  }

  /** A value as block YAML, its first line unindented, the rest under `column`. */
  renderBlock(value: unknown, column: number): string {
    const doc = new Document(value);
    if (doc.contents) this.options.style?.(doc.contents as Node);
    return indentAfterFirst(doc.toString({ lineWidth: 0, flowCollectionPadding: this.padded }).replace(/\n$/, ''), column);
  }

  /** A scalar on one line (a string that would need several is double-quoted). */
  private renderInline(value: unknown, column: number): string {
    const text = new Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '');
    if (!text.includes('\n')) return text;
    if (typeof value === 'string') return JSON.stringify(value);
    return indentAfterFirst(text, column + 2);
  }

  private renderFlow(value: unknown): string {
    const doc = new Document(value);
    const mark = (n: unknown) => {
      if (isMap(n) || isSeq(n)) {
        n.flow = true;
        for (const it of n.items) mark(isPair(it) ? it.value : it);
      }
    };
    mark(doc.contents);
    const text = doc.toString({ lineWidth: 0, flowCollectionPadding: this.padded }).replace(/\n$/, '');
    if (!text.includes('\n')) return text;
    return JSON.stringify(value);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private lineEnd(offset: number): number {
    const n = this.text.indexOf('\n', offset);
    return n < 0 ? this.text.length : n + 1;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** The spaces a line starts with. */
  private lineIndent(offset: number): number {
    const s = this.lineStart(offset);
    let i = s;
    while (this.text[i] === ' ') i++;
    return i - s;
  }

  /** Where a block collection's text ends (after its last line's newline). */
  private blockEnd(node: Node): number {
    const end = node.range![1];
    return this.text[end - 1] === '\n' ? end : this.lineEnd(end);
  }

  /** Where a list item's lines end. */
  private itemEnd(item: Node): number {
    const end = Math.max(item.range![1], item.range![2]);
    return this.text[end - 1] === '\n' ? end : this.lineEnd(end);
  }
}

/** Deep equality of YAML data; the order of a mapping's keys does not count. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameData(a[k], b[k]));
  }
  return false;
}

function isObject(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Two values an edit can turn one into the other: two strings, two lists, or mappings of the same kind of block. */
function sameKind(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return true;
  if (Array.isArray(a) && Array.isArray(b)) return true;
  if (isObject(a) && isObject(b)) return Object.keys(a)[0] === Object.keys(b)[0];
  return false;
}

function indentAfterFirst(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** Edits at one place merged (a removal then an insertion becomes one replacement). */
function joinEdits(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.end === e.start) {
      last.end = e.end;
      last.text += e.text;
    } else out.push({ ...e });
  }
  return out;
}

/** Applies non-overlapping edits to the text. */
function apply(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
