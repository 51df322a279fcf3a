import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
}

/** Caps alias expansion so a billion-laughs file fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 100;

/** Decodes bytes as strict UTF-8, reporting the first bad byte by line and column. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, diagnostics: [] };
  } catch {
    let line = 1;
    let column = 1;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Find the first offset where strict decoding fails, by decoding growing prefixes line by line.
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          const lineText = new TextDecoder('utf-8').decode(bytes.subarray(start, i));
          column = Math.max(1, lineText.indexOf('\uFFFD') + 1);
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
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    const hints = e.code === 'TAB_AS_INDENT' ? ['indent YAML with spaces, not tabs'] : undefined;
    diagnostics.push(diag('error', 'yaml-syntax', firstLine(e.message), { file, line: p.line, column: p.col }, hints));
  }
  if (diagnostics.length > 0) return { diagnostics };

  const posAt = (offset: number): SourcePos => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
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
          if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
            return posAt(pair.key.range[0]);
          }
        }
      }
      return this.posOf(path);
    },
  };
  return { source, diagnostics };
}

/** Converts the parsed document to plain data, refusing alias bombs. */
export function yamlToData(source: YamlSource): { data?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      diagnostics: [
        diag('error', 'yaml-alias', `YAML aliases expand too far: ${firstLine(message)}`, source.posOf([]), [
          'write the repeated text out instead of using & anchors and * aliases',
        ]),
      ],
    };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
