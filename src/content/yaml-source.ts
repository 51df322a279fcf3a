import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';

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
}

/**
 * Caps alias expansion so a billion-laughs file fails fast instead of eating memory: the
 * yaml library refuses a document once aliases × their size pass this count.
 */
const MAX_ALIAS_COUNT = 100;
/** Text the document may expand to (aliases count each time they are used), in UTF-16 units. */
const MAX_EXPANDED_TEXT = 8_000_000;
/** Nesting of lists and mappings; an article needs about ten (four section levels). */
const MAX_DEPTH = 64;

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
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
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
  diagnostics.push(...refuseTagsAndDepth(doc, text, posAt));
  if (diagnostics.length > 0) return { diagnostics };

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && node.range) return node as Node;
    }
    return undefined;
  };
  const source: YamlSource = {
    file,
    doc,
    lines,
    posOf(path) {
      const node = nodeAt(path);
      return posAt(node?.range?.[0] ?? 0);
    },
    keyPos(path, key) {
      const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (isMap(map)) {
        for (const pair of map.items) {
          if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
            return posAt(pair.key.range[0]);
          }
        }
      }
      return this.posOf(path);
    },
    posInValue(path, index) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return this.posOf(path);
      const offset = sourceOffsetOf(text, node.range[0], node.range[1], node.type, node.value, index);
      return posAt(offset ?? node.range[0]);
    },
    has(path) {
      return path.length === 0 ? doc.contents != null : doc.hasIn(path);
    },
    describe(path) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (node === undefined) return undefined;
      if (isAlias(node)) return 'an alias';
      if (isCollection(node)) return isMap(node) ? 'a mapping' : 'a list';
      if (!isScalar(node)) return undefined;
      const v = node.value;
      return v === null ? 'nothing (an empty value)' : typeof v === 'string' ? 'text' : typeof v === 'number' ? `the number ${v}` : typeof v === 'boolean' ? `\`${v}\`` : 'a binary value';
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

/** Content is text, lists and mappings: explicit tags (`!!binary`, `!foo`) and deep nesting are refused. */
function refuseTagsAndDepth(doc: Document.Parsed, text: string, posAt: (o: number) => SourcePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, (_key, node, path) => {
    const n = node as Node;
    if (!n || typeof n !== 'object' || !('range' in n)) return;
    const depth = path.filter((p) => isCollection(p)).length;
    if (depth > MAX_DEPTH) {
      out.push(tooDeep(posAt(n.range?.[0] ?? 0)));
      return visit.BREAK;
    }
    const tag = (n as { tag?: string }).tag;
    if (tag && tag !== 'tag:yaml.org,2002:str' && (isScalar(n) || isCollection(n))) {
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      out.push(diag('error', 'yaml-tag', `the YAML tag \`${shown}\` is not allowed in content`, posAt(tagStart(text, n.range?.[0] ?? 0)), ['write plain text, lists and mappings; remove the tag']));
    }
    return undefined;
  });
  return out;
}

/** The node's range starts after its tag; the tag is the `!…` token just before it on the same line. */
function tagStart(text: string, start: number): number {
  let j = text.lastIndexOf('!', start);
  if (j < 0 || text.slice(j, start).includes('\n')) return start;
  while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
  return j;
}

function tooDeep(pos: SourcePos): Diagnostic {
  return diag('error', 'yaml-depth', `lists and mappings nest more than ${MAX_DEPTH} deep`, pos, ['an article needs a few levels: body, sections (at most four), their bodies']);
}

/** Converts the parsed document to plain data, refusing alias bombs. */
export function yamlToData(source: YamlSource): { data?: unknown; diagnostics: Diagnostic[] } {
  const refuse = (message: string) => ({
    diagnostics: [
      diag('error', 'yaml-alias', message, firstAliasPos(source), ['write the repeated text out instead of using & anchors and * aliases']),
    ],
  });
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return refuse(`YAML aliases expand too far: ${firstLine(message)}`);
  }
  if (expandedTextLength(data, MAX_EXPANDED_TEXT) > MAX_EXPANDED_TEXT) {
    return refuse(`the file expands to more than ${MAX_EXPANDED_TEXT.toLocaleString('en')} characters of text through its aliases`);
  }
  return { data, diagnostics: [] };
}

/** Where the first `*alias` is, for a message about alias expansion. */
function firstAliasPos(source: YamlSource): SourcePos {
  let offset: number | undefined;
  visit(source.doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return source.posOf([]);
  const p = source.lines.linePos(offset);
  return { file: source.file, line: p.line, column: p.col };
}

/** Total length of all strings reachable from `value`, counting shared ones each time; stops past `limit`. */
function expandedTextLength(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length;
        stack.push(x);
      }
    }
  }
  return total;
}

/**
 * Offset in `text` of the character at `index` of a scalar's value. Counts occurrences of that
 * character in the value before `index` and finds the same occurrence in the source, decoding
 * double-quoted escapes and single-quoted `''` on the way. Folding only changes whitespace, so
 * this is exact for every other character.
 */
function sourceOffsetOf(text: string, start: number, end: number, type: string | undefined, value: string, index: number): number | undefined {
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
