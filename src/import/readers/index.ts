/**
 * Which reader an input file goes to (plain text, a saved HTML page, a Word document) and the
 * result every reader gives: the one entry of `jianbao import`. It sits in a folder of its own,
 * above the readers it picks (src/import for text and HTML, src/import/docx for Word), which
 * share the modules of src/import without a cycle.
 */
import { textFinisher } from '../finish-text.js';
import { readBounded } from '../../io/read-bounded.js';
import { LIMITS } from '../../limits.js';
import { basename, extname } from 'node:path';
import { DiagnosticError, diag, type Diagnostic, type SourcePos } from '../../diagnostics/index.js';
import { finishedTable, type ImportedArticle, type ImportedBlock } from '../article.js';
import { declaredCharset, decodeBytes, type Decoded } from '../decode.js';
import { extractHtml } from '../html.js';
import { contentCandidates, findMainContent } from '../main-content.js';
import { readPageMeta } from '../page-meta.js';
import { LineIndex, type MappedText } from '../mapped-text.js';
import type { OutlineBlock } from '../outline.js';
import { plainLines } from '../plain.js';
import { recognise, type PageContext } from '../recognise.js';
import type { SourceBlock } from '../source-blocks.js';
import { countBlocks, summariseSections, type ImportSummary } from '../summary.js';
import { articleToYaml } from '../to-yaml.js';
import { importDocx, type DocxImportOptions, type DocxImportSummary, type ExtractedImage } from '../docx/index.js';

export type { ImportedArticle, ImportedBlock, ImportedSection, ImportedTable } from '../article.js';
export { normalizePunctuation, RANGE_STYLES } from '../punctuation.js';
export { unbalanced } from '../balance.js';
export type { PunctuationOptions, PunctuationResult, RangeStyle } from '../punctuation.js';
export { formatSummary, kindsByCount, type ImportSummary, type SectionSummary } from '../summary.js';
export { articleToYaml } from '../to-yaml.js';
export { importDocx, describeChanges, themeStyleRoles } from '../docx/index.js';
export type { ChangesMode, DocxImportResult, DocxImportSummary, DocxImportedBlock, ExtractedImage } from '../docx/index.js';

/**
 * Options of an import: punctuation and ranges for text and HTML, and, for a .docx, tracked
 * changes, the themes' style names, where pictures go and whether a bulletin issue's several
 * articles are wanted. One set for every input kind, so the CLI passes the same object.
 */
export type ImportOptions = DocxImportOptions;

export interface ImportResult {
  article: ImportedArticle;
  yaml: string;
  /** Sorted by position: `info[punct]` per change, warnings for ranges, unplaced lines, unpaired marks. */
  diagnostics: Diagnostic[];
  summary: ImportSummary | DocxImportSummary;
  /** .docx: the pictures the YAML refers to, to be written next to it. */
  images?: ExtractedImage[];
  /** .docx with `several`: every article, in order, and the issue's own 编者按. */
  articles?: ImportedArticle[];
  issueNote?: string;
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml', '.xht']);
/** A saved page may carry scripts, styles and inline pictures; beyond this it is no article's page. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;
/** More text than any article has (a long report is a few hundred kilobytes). */
const MAX_TEXT_CHARS = 2 * 1024 * 1024;

function tooLarge(file: string, what: string): DiagnosticError {
  return new DiagnosticError([
    diag('error', 'too-large', `${file} is too large to be one article: ${what}`, { file, line: 1, column: 1 }, [
      'import the article’s own page or text, not a whole site or book',
    ]),
  ]);
}
const UNSUPPORTED: Record<string, string> = {
  '.doc': 'a Word 97–2003 document (.doc)',
  '.wps': 'a WPS document (.wps)',
  '.pdf': 'a PDF',
  '.rtf': 'an RTF document',
  '.odt': 'an OpenDocument text (.odt)',
  '.mht': 'a web archive (.mht)',
  '.mhtml': 'a web archive (.mhtml)',
};

/** Reads and imports a plain-text, HTML or Word (.docx) article. Throws a DiagnosticError for input it cannot read. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const name = options.displayName ?? path;
  rejectUnsupported(name, extname(path).toLowerCase(), undefined);
  // Under the path policy: a regular file, bounded in size and time (a pipe or /dev/zero is refused, not waited on).
  const read = readBounded(path, { limit: LIMITS.importFileBytes, shown: name, what: 'file to import' });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  return importBytes(read.bytes, path, options);
}

function magicOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
}

function rejectUnsupported(name: string, ext: string, bytes: Uint8Array | undefined): void {
  let what = UNSUPPORTED[ext];
  if (!what && bytes) {
    const magic = magicOf(bytes);
    if (magic === 'd0cf11e0') what = 'an old Office document (.doc)';
    else if (magic === '25504446') what = 'a PDF';
  }
  if (what) {
    throw new DiagnosticError([
      diag('error', 'unsupported-input', `${name} is ${what}; jianbao import reads plain text (.txt), saved web pages (.html) and Word documents (.docx)`, undefined, [
        'save the document as .docx (Word 2007 and later), as plain text (UTF-8) or as a web page and import that file',
      ]),
    ]);
  }
}

/** Imports the bytes of a file; `path` names it (for the format, the header comment and diagnostics). */
export function importBytes(bytes: Uint8Array, path: string, options: ImportOptions = {}): ImportResult {
  const file = options.displayName ?? path;
  const ext = extname(path).toLowerCase();
  // A .docx is a zip archive, whatever its name says.
  if (ext === '.docx' || ext === '.docm' || ext === '.dotx' || magicOf(bytes) === '504b0304') {
    const { summary, ...rest } = importDocx(bytes, path, options);
    return { ...rest, summary };
  }
  rejectUnsupported(file, ext, bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const html = HTML_EXT.has(ext) || /^(?:\ufeff|ï»¿)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(head);
  const limit = html ? MAX_PAGE_BYTES : MAX_TEXT_CHARS * 3;
  if (bytes.length > limit) throw tooLarge(file, `${bytes.length.toLocaleString('en')} bytes, where an import reads at most ${limit.toLocaleString('en')}`);
  const decoded = decodeBytes(bytes, html ? declaredCharset(bytes) : undefined);
  const index = new LineIndex(decoded.text);
  const locate = (offset: number): SourcePos => ({ file, ...index.locate(offset) });
  const diagnostics: Diagnostic[] = [];
  if (decoded.bad) diagnostics.push(...lostCharacters(decoded, locate));
  if (decoded.fallback) {
    diagnostics.push(diag('info', 'encoding', `${file} is not valid UTF-8: read as ${decoded.fallback}`, locate(0)));
  }

  const controls = [...decoded.text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)];
  if (controls.length > 0) {
    const code = `U+${controls[0]![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const more = controls.length > 1 ? ` (and ${controls.length - 1} more)` : '';
    diagnostics.push(diag('warning', 'control-char', `control character ${code}${more} read as a space: it prints nothing`, locate(controls[0]!.index)));
  }

  let blocks: SourceBlock[];
  let page: PageContext | undefined;
  const furniture: ImportSummary['furniture'] = [];
  if (html) {
    const extract = extractHtml(decoded.text);
    blocks = extract.blocks;
    const chars = blocks.reduce((n, b) => n + (b.kind === 'line' ? b.text.text.length : 0), 0);
    if (chars > MAX_TEXT_CHARS) throw tooLarge(file, `${chars.toLocaleString('en')} characters of text, where an article has at most ${MAX_TEXT_CHARS.toLocaleString('en')}`);
    const main = findMainContent(blocks);
    if (!main) throw new DiagnosticError([noArticle(file, blocks, locate)]);
    page = { meta: readPageMeta(extract.root, extract.scripts), main, images: extract.images };
  } else {
    if (decoded.text.length > MAX_TEXT_CHARS) throw tooLarge(file, `${decoded.text.length.toLocaleString('en')} characters of text, where an article has at most ${MAX_TEXT_CHARS.toLocaleString('en')}`);
    blocks = plainLines(decoded.text);
  }

  const found = recognise(blocks, locate, page);
  if (!html && !found.title && !found.editorNote && found.body.length === 0) {
    throw new DiagnosticError([diag('error', 'no-article', `${file} has no article text: no title and no paragraph were found`, locate(0))]);
  }
  diagnostics.push(...found.diagnostics);
  for (const f of found.furniture) furniture.push({ what: f.what, text: f.text, line: locate(f.at).line });

  const { finish, summary: punctuation } = textFinisher(locate, options, diagnostics);

  const article: ImportedArticle = { body: [] };
  if (found.kicker) article.kicker = finish(found.kicker);
  if (found.title) article.title = finish(found.title);
  if (found.titleLines) article.titleLines = found.titleLines.map(finish);
  if (found.column) article.column = finish(found.column);
  if (found.date) article.date = found.date.value;
  if (found.source) article.source = finish(found.source);
  if (found.subtitle) article.subtitle = finish(found.subtitle);
  if (found.author) article.author = finish(found.author);
  if (found.editorNote) article.editorNote = finish(found.editorNote);
  if (found.attachments) article.attachments = found.attachments.map(finish);
  const convert = (b: OutlineBlock): ImportedBlock => {
    switch (b.kind) {
      case 'paragraph':
        return finish(b.text);
      case 'section':
        return { heading: finish(b.heading), body: b.body.map(convert) };
      case 'table':
        return finishedTable(b, finish);
      case 'list':
        return { list: b.items.map(finish) };
    }
  };
  article.body = found.body.map(convert);

  diagnostics.sort(byPosition);
  const summary: ImportSummary = {
    file,
    format: html ? 'html' : 'text',
    encoding: decoded.encoding,
    ...(article.kicker !== undefined ? { kicker: article.kicker } : {}),
    ...(article.title !== undefined ? { title: article.title } : {}),
    ...(article.titleLines !== undefined ? { titleLines: article.titleLines } : {}),
    ...(article.subtitle !== undefined ? { subtitle: article.subtitle } : {}),
    ...(article.column !== undefined ? { column: article.column } : {}),
    ...(article.date !== undefined ? { date: article.date } : {}),
    ...(article.source !== undefined ? { source: article.source } : {}),
    ...(article.author !== undefined ? { author: article.author } : {}),
    ...(article.editorNote !== undefined ? { editorNote: [...article.editorNote].length } : {}),
    ...(article.attachments !== undefined ? { attachments: article.attachments } : {}),
    sections: summariseSections(article.body),
    counts: countBlocks(article, found.closing),
    furniture: furniture.sort((a, b) => a.line - b.line),
    unplaced: diagnostics.filter((d) => d.rule === 'unplaced').length,
    punctuation,
  };
  return { article, yaml: articleToYaml(article, basename(path)), diagnostics, summary };
}

/** The error for a page without an article: where its text is, so the user can see what it holds. */
function noArticle(file: string, blocks: SourceBlock[], locate: (offset: number) => SourcePos): Diagnostic {
  const candidates = contentCandidates(blocks).map((c) => {
    const el = c.element;
    const name = `<${el.name}${el.attrs.id ? `#${el.attrs.id}` : ''}${el.attrs.class ? `.${el.attrs.class.trim().split(/\s+/).join('.')}` : ''}>`;
    const links = c.chars > 0 ? Math.round((100 * c.linkChars) / c.chars) : 0;
    return `${name} at line ${locate(el.at).line}: ${c.chars} characters, ${links}% in links`;
  });
  return diag(
    'error',
    'no-article',
    `no article found in ${file}: no part of the page has sentences of text${candidates.length ? `; the largest blocks of text are ${candidates.join('; ')}` : ''}`,
    locate(0),
    ['a list page, a search page or a page that loads its text by script has no article to import: save the article’s own page'],
  );
}

/** Diagnostics in reading order; those without a position first; stable otherwise. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (!a.pos || !b.pos) return a.pos ? 1 : b.pos ? -1 : 0;
  return a.pos.line - b.pos.line || a.pos.column - b.pos.column;
}

/**
 * Where the decoding lost characters, each a warning at its place: the import goes on (a saved
 * page with a damaged byte is still worth its text), the YAML holds U+FFFD there, and the build
 * refuses that character until the author puts the right one back (src/content/text.ts).
 */
function lostCharacters(decoded: Decoded, locate: (offset: number) => SourcePos): Diagnostic[] {
  const bad = decoded.bad!;
  const hint = 'put the right character in the YAML in its place (the build refuses U+FFFD), or save the page again as UTF-8 and import that';
  const shown = bad.textOffsets.slice(0, LIMITS.unknownKeys.value);
  const out = shown.map((offset, i) =>
    diag('warning', 'encoding', i === 0 ? `byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} (byte ${bad.byteOffset.toLocaleString('en')} of the file) is not ${decoded.encoding}: imported as U+FFFD (\uFFFD)` : `another unreadable byte, imported as U+FFFD (\uFFFD)`, locate(offset), [hint]),
  );
  const more = bad.textOffsets.length - shown.length;
  if (more > 0) out.push(diag('warning', 'encoding', `${more.toLocaleString('en')} more unreadable bytes, each imported as U+FFFD`, locate(bad.textOffsets[shown.length]!), [hint]));
  return out;
}
