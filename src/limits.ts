/**
 * Every bound jianbao puts on hostile or runaway input, in one place. Each is passed only by a
 * mistake or an attack, never by a real report, and each has its own rule id, so a user who
 * meets one learns which bound it was and a test can ask for it by name.
 *
 * The numbers are data: code reads them from here, never writes its own.
 */
export interface Limit {
  readonly value: number;
  /** Rule id of the diagnostic printed when the limit is passed. */
  readonly rule: string;
  /** What is counted, for messages: "bytes", "nested elements"… */
  readonly unit: string;
}

const limit = (value: number, rule: string, unit: string): Limit => ({ value, rule, unit });

export const LIMITS = {
  /** A long article is some 100 KB of YAML. Themes are read under the same bound. */
  contentFileBytes: limit(4 * 2 ** 20, 'too-large', 'bytes'),
  /** An imported web page, text file or Word document (pictures included). */
  importFileBytes: limit(64 * 2 ** 20, 'too-large', 'bytes'),
  /** Time one read may take: a local file of the sizes above is read in milliseconds. */
  readMilliseconds: limit(20_000, 'io', 'milliseconds'),
  /** Nesting of YAML lists and mappings; an article needs about ten (four section levels). */
  yamlDepth: limit(64, 'yaml-depth', 'levels'),
  /**
   * Nodes and characters a YAML file may expand to through its aliases (each use of an alias
   * counts its whole target again). A file without aliases stays under it by the file bound.
   */
  yamlExpansion: limit(8_000_000, 'yaml-alias', 'nodes and characters'),
  /** Unknown fields reported one by one in a mapping; past it, one error counts the rest. */
  unknownKeys: limit(20, 'unknown-keys', 'unknown fields'),
  /**
   * Characters of a title laid out by the balanced search (src/compose/title.ts). Real titles
   * have 10 to 60; a longer one is broken greedily into balanced lines, with a warning.
   */
  balancedTitleChars: limit(160, 'title-length', 'characters'),
  /**
   * Partial line splits the exhaustive balanced search may visit (about 150 ms) before it takes
   * the greedy balanced lines: titles up to 100 characters finish far below it.
   */
  balancedTitleSplits: limit(2_000_000, 'title-length', 'partial line splits'),
  /**
   * Markup a template may produce, in UTF-16 units: a 4 MB article gives some 10 million. A
   * template that multiplies the content (an `each` inside an `each`) is stopped here.
   */
  markupChars: limit(32_000_000, 'document-size', 'characters of markup'),
  /** Iterations of `{{#each}}` in one render of a template; the seed article needs about 40. */
  templateIterations: limit(500_000, 'document-size', 'iterations'),
  /** Elements of the markup: blocks and inline spans. The seed article has about 60. */
  markupElements: limit(200_000, 'document-size', 'elements'),
  /** Nesting of XML elements in a Word part; Word's own documents stay under 40. */
  xmlDepth: limit(256, 'xml-depth', 'nested elements'),
  /** What one part of a Word package may inflate to (a picture). */
  zipPartBytes: limit(64 * 2 ** 20, 'zip-size', 'bytes inflated'),
  /**
   * A Word part parsed as XML: 16 MB of document.xml holds some 2 MB of text, half the content
   * file bound, and takes about 600 MB and 15 s to read.
   */
  xmlPartBytes: limit(16 * 2 ** 20, 'xml-size', 'bytes of XML'),
  /** What a whole Word package may inflate to. */
  zipTotalBytes: limit(256 * 2 ** 20, 'zip-size', 'bytes inflated'),
  /** Entries of a Word package; a document with a hundred pictures has a few hundred. */
  zipEntries: limit(10_000, 'zip-size', 'entries'),
  /**
   * A manifest jianbao reads back (the previous build's, a shard's): an entry is some 400 bytes,
   * so this holds a hundred thousand outputs.
   */
  manifestBytes: limit(64 * 2 ** 20, 'too-large', 'bytes'),
  /** An output a merge copies or a release packs: a bulletin's PDF is a few megabytes. */
  outputBytes: limit(1024 * 2 ** 20, 'too-large', 'bytes'),
  /** A font file: a CJK face is 10 to 30 MB, a collection of every weight some 120 MB. */
  fontFileBytes: limit(256 * 2 ** 20, 'too-large', 'bytes'),
  /** Render workers a build may start: never more than its jobs, never more than this. */
  workers: limit(32, 'jobs', 'workers'),
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Workers for `jobs` outputs when `requested` were asked for: at least one, at most the jobs and the limit. */
export function workerCount(requested: number, jobs: number): number {
  if (!Number.isFinite(requested) || requested < 1) requested = 1;
  return Math.max(1, Math.min(Math.floor(requested), jobs, LIMITS.workers.value));
}

/** `1,234,567` as the messages write counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}
