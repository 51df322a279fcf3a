import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { kindOfValue, type ValueKind } from './schema-keys.js';
import { checkYamlDocument, firstAliasPos, tooDeep } from './yaml-checks.js';

/** A parsed YAML file that can say where any value in it came from. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Position of the value at `path`, or of the nearest ancestor that exists. */
  posOf(path: readonly PropertyKey[]): SourcePos;
  /** Position of the key `key` in the map at `path` (for unknown-key errors). */
  keyPos(path: readonly PropertyKey[], key: string): SourcePos;
  /**
   * Position of the character at `index` of the string value at `path`, seen through quoting
   * and escapes (`"\u0007"` points at its backslash). Exact for any character that is not
   * whitespace; falls back to the value's start.
   */
  posInValue(path: readonly PropertyKey[], index: number): SourcePos;
  /** Whether the document has a value (possibly null) at `path`. */
  has(path: readonly PropertyKey[]): boolean;
  /** What a reader would call the value at `path`: text, a number, a list, a mapping, nothing. */
  describe(path: readonly PropertyKey[]): string | undefined;
  /**
   * The scalar at `path` as its author wrote it: a plain number keeps its digits (`1.50`, `0012`,
   * `1e3`), where the data holds the number YAML reads (1.5, 12, 1000). Text is its value.
   */
  scalarText(path: readonly PropertyKey[]): string | undefined;
  /** Position of an offset into the file's text. */
  posAtOffset(offset: number): SourcePos;
  /** The kind of the value at `path` (aliases followed), when there is one. */
  valueKind(path: readonly PropertyKey[]): ValueKind | undefined;
}

/** What a path leads to: its node (aliases followed), whether it exists, and a mapping's pairs by key. */
interface Found {
  node: Node | undefined;
  found: boolean;
  pairs?: Map<string, Pair>;
}

/**
 * Looks paths up the way the data was made: through aliases, and in a mapping by an index of
 * its keys built once (a linear search per lookup made 100,000 unknown keys quadratic).
 */
function pathLookup(doc: Document.Parsed): (path: readonly PropertyKey[]) => Found {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair as Pair);
      }
      indexes.set(map, index);
    }
    return index;
  };
  const deref = (n: unknown): Node | undefined => {
    const node = isAlias(n) ? (n.resolve(doc) as Node | undefined) : (n as Node | null | undefined);
    return node ?? undefined;
  };
  return (path) => {
    let node = deref(doc.contents);
    let found = doc.contents != null;
    for (const key of path) {
      if (isMap(node)) {
        const pair = pairsOf(node).get(String(key));
        found = pair !== undefined;
        node = pair ? deref(pair.value) : undefined;
      } else if (isSeq(node) && typeof key === 'number') {
        found = key >= 0 && key < node.items.length;
        node = found ? deref(node.items[key]) : undefined;
      } else {
        return { node: undefined, found: false };
      }
      if (!found) return { node: undefined, found: false };
    }
    return isMap(node) ? { node, found, pairs: pairsOf(node) } : { node, found };
  };
}

/** Decodes bytes as strict UTF-8, reporting the first bad byte by line and column. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, diagnostics: [] };
  } catch {
    let line = 1;
    let column = 1;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Find the first line that fails strict decoding; the column counts characters before the bad byte.
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          const lineText = new TextDecoder('utf-8').decode(bytes.subarray(start, i));
          column = Math.max(1, [...lineText].indexOf('\uFFFD') + 1);
          break;
        }
        line++;
        start = i + 1;
      }
    }
    return {
      diagnostics: [
        diag('error', 'encoding', 'the file is not valid UTF-8', { file, line, column }, [
          'save it as UTF-8; `jianbao import` converts GB18030/GBK text',
        ]),
      ],
    };
  }
}

/** Parses YAML text; syntax errors come back as diagnostics with their line and column. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const posAt = (offset: number): SourcePos => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  let doc: Document.Parsed;
  try {
    // Keys are checked for uniqueness by checkYamlDocument, with a set: the library's own check is
    // quadratic in the keys of a mapping (100,000 keys took a minute).
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    if (e instanceof RangeError) return { diagnostics: [tooDeep({ file, line: 1, column: 1 })] };
    throw e;
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of doc.errors) {
    const d = syntaxDiagnostic(doc, e.code, e.message, e.pos[0], posAt);
    const key = d.rule === 'yaml-depth' ? d.rule : `${d.pos?.line}:${d.pos?.column}:${d.message}`;
    if (!seen.has(key)) diagnostics.push(d);
    seen.add(key);
  }
  if (diagnostics.length > 0) return { diagnostics };
  diagnostics.push(...checkYamlDocument(doc, text, posAt));
  if (diagnostics.length > 0) return { diagnostics };

  const lookup = pathLookup(doc);
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const found = lookup(path.slice(0, n));
      if (found.node && found.node.range) return found.node;
    }
    return undefined;
  };
  const source: YamlSource = {
    file,
    doc,
    lines,
    posAtOffset: posAt,
    posOf(path) {
      const node = nodeAt(path);
      return posAt(node?.range?.[0] ?? 0);
    },
    keyPos(path, key) {
      const pair = lookup(path).pairs?.get(key);
      const range = (pair?.key as Node | undefined)?.range;
      return range ? posAt(range[0]) : this.posOf(path);
    },
    posInValue(path, index) {
      const node = lookup(path).node;
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return this.posOf(path);
      const offset = sourceOffsetOf(text, node.range[0], node.range[1], node.type, node.value, index);
      return posAt(offset ?? node.range[0]);
    },
    has(path) {
      return lookup(path).found;
    },
    scalarText(path) {
      const node = lookup(path).node;
      if (!isScalar(node)) return undefined;
      if (typeof node.value === 'string') return node.value;
      return node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : String(node.value);
    },
    valueKind(path) {
      const node = lookup(path).node;
      if (isMap(node)) return 'mapping';
      if (isSeq(node)) return 'list';
      return isScalar(node) ? kindOfValue(node.value) : undefined;
    },
    describe(path) {
      const node = lookup(path).node;
      if (node === undefined) return undefined;
      if (isCollection(node)) return isMap(node) ? 'a mapping' : 'a list';
      if (!isScalar(node)) return undefined;
      const v = node.value;
      if (typeof v === 'number') return `the number ${node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : v}`;
      return v === null ? 'nothing (an empty value)' : typeof v === 'string' ? 'text' : typeof v === 'boolean' ? `\`${v}\`` : 'a binary value';
    },
  };
  return { source, diagnostics };
}

/** One yaml-library error as a diagnostic; unclosed quotes and brackets point where they open. */
function syntaxDiagnostic(doc: Document.Parsed, code: string, message: string, offset: number, posAt: (o: number) => SourcePos): Diagnostic {
  if (/maximum call stack/i.test(message)) return tooDeep(posAt(offset));
  const noticed = posAt(offset);
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    const open = enclosing(doc, offset, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'));
    if (open !== undefined) {
      const q = /'quote/.test(message) ? "'" : '"';
      return diag('error', 'yaml-syntax', `the quote ${q} opened here is never closed`, posAt(open), [
        `YAML read on to line ${noticed.line} looking for the closing ${q}; close it at the end of the text, or remove the opening one`,
      ]);
    }
  }
  if (code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    const seq = message.startsWith('Flow sequence');
    const open = enclosing(doc, offset, (n) => isCollection(n) && n.flow === true && isMap(n) !== seq);
    if (open !== undefined) {
      return diag('error', 'yaml-syntax', `the ${seq ? '`[`' : '`{`'} opened here is never closed`, posAt(open), [
        `close it with ${seq ? '`]`' : '`}`'} before line ${noticed.line}`,
      ]);
    }
  }
  if (code === 'MULTIPLE_DOCS') {
    return diag('error', 'yaml-syntax', 'a second YAML document starts here; a content file holds one', noticed, ['remove the `---` line, or move what follows into its own file']);
  }
  const hints = code === 'TAB_AS_INDENT' ? ['indent YAML with spaces, not tabs'] : code === 'DUPLICATE_KEY' ? ['each field may appear once; merge the two or delete one'] : undefined;
  return diag('error', 'yaml-syntax', firstLine(message), noticed, hints);
}

/** Start offset of the innermost node matching `pick` that starts before `offset` and reaches it. */
function enclosing(doc: Document.Parsed, offset: number, pick: (n: Node) => boolean): number | undefined {
  let best: number | undefined;
  visit(doc, (_key, node) => {
    const n = node as Node;
    if (!n || typeof n !== 'object' || !('range' in n) || !n.range || !pick(n)) return;
    const [start, end] = n.range;
    if (start < offset && end >= offset && (best === undefined || start > best)) best = start;
  });
  return best;
}

/**
 * Converts a checked document (see checkYamlDocument: no cycles, expansion bounded) to plain data.
 * The library's own alias cap is off: the check has already bounded the expansion exactly.
 */
export function yamlToData(source: YamlSource): { data?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: -1 }), diagnostics: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { diagnostics: [diag('error', 'yaml-alias', `YAML aliases cannot be expanded: ${firstLine(message)}`, firstAliasPos(source.doc, (o) => source.posAtOffset(o)))] };
  }
}

/**
 * Offset in `text` of the character at `index` of a scalar's value. Counts occurrences of that
 * character in the value before `index` and finds the same occurrence in the source, decoding
 * double-quoted escapes and single-quoted `''` on the way. Folding only changes whitespace, so
 * this is exact for every other character.
 */
export function sourceOffsetOf(text: string, start: number, end: number, type: string | undefined, value: string, index: number): number | undefined {
  const target = String.fromCodePoint(value.codePointAt(index) ?? 0);
  let wanted = 0;
  for (let at = value.indexOf(target); at >= 0 && at < index; at = value.indexOf(target, at + target.length)) wanted++;
  let seen = 0;
  let i = start;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') i++;
  while (i < end) {
    let ch: string;
    let next: number;
    if (type === 'QUOTE_DOUBLE' && text[i] === '\\') {
      [ch, next] = decodeEscape(text, i);
    } else if (type === 'QUOTE_SINGLE' && text[i] === "'" && text[i + 1] === "'") {
      ch = "'";
      next = i + 2;
    } else {
      ch = String.fromCodePoint(text.codePointAt(i)!);
      next = i + ch.length;
    }
    if (ch === target) {
      if (seen === wanted) return i;
      seen++;
    }
    i = next;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** One double-quoted escape at `i` (a backslash): the character it stands for, and where the next begins. */
function decodeEscape(text: string, i: number): [string, number] {
  const e = text[i + 1] ?? '';
  if (e in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[e]!, i + 2];
  const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (digits > 0) {
    const cp = parseInt(text.slice(i + 2, i + 2 + digits), 16);
    return [Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '', i + 2 + digits];
  }
  return ['', i + 2]; // a line continuation or an escape the parser already refused
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
