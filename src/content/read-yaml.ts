import { diag, type Diagnostic } from '../diagnostics/index.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { decodeUtf8, parseYamlSource, yamlToData, type YamlSource } from './yaml-source.js';

export interface YamlRead {
  data?: unknown;
  source?: YamlSource;
  diagnostics: Diagnostic[];
}

export interface YamlReadOptions {
  /** A folder the file must stay in, also through links (referenced articles: the content folder). */
  root?: { dir: string; name: string; rule?: string };
  /** What the file is, for messages. */
  what?: string;
}

let lastParse: { shown: string; text: string; parsed: ReturnType<typeof parseYamlSource> } | undefined;

/**
 * The one way jianbao reads a YAML file (content, themes, the files `import --into` updates):
 * under the path policy (a regular file, inside its root, at most LIMITS.contentFileBytes, read
 * in bounded time), strict UTF-8, then parsed and checked (checkYamlDocument: no alias cycles,
 * expansion and nesting bounded, no merge keys, keys unique) before it becomes data. Every
 * problem comes back as a located diagnostic; the data is a mapping when there is any.
 */
export function readYamlData(abs: string, shown: string, options: YamlReadOptions = {}): YamlRead {
  const read = readBounded(abs, {
    limit: LIMITS.contentFileBytes,
    shown,
    what: options.what ?? 'file',
    ...(options.root ? { root: options.root } : {}),
    tooLargeHint: 'split it into several articles',
  });
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const decoded = decodeUtf8(shown, read.bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  return parseYamlData(shown, decoded.text);
}

/** readYamlData for text already in memory (a file `import --into` has read). */
export function parseYamlData(shown: string, text: string): YamlRead {
  if (text.trim() === '') {
    return { diagnostics: [diag('error', 'empty-file', 'the file is empty', { file: shown, line: 1, column: 1 }, ['an article needs at least `title`, `date` and `body`'])] };
  }
  // Telling an issue from an article (isBulletinFile) and then loading it read the same file
  // twice in a row: the last parse is kept (its document is only read; the data is made anew).
  const parsed = lastParse && lastParse.shown === shown && lastParse.text === text ? lastParse.parsed : parseYamlSource(shown, text);
  lastParse = { shown, text, parsed };
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const converted = yamlToData(parsed.source);
  if (converted.data === undefined) return { source: parsed.source, diagnostics: converted.diagnostics };
  if (typeof converted.data !== 'object' || converted.data === null || Array.isArray(converted.data)) {
    return { diagnostics: [diag('error', 'schema', 'expected a mapping of fields (title:, date:, body:)', parsed.source.posOf([]))] };
  }
  return { data: converted.data, source: parsed.source, diagnostics: [] };
}
