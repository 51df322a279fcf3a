import fs from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { projectPaths } from '../../pipeline/project.js';
import { DiagnosticError, didYouMean, formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { readBounded } from '../../io/read-bounded.js';
import { LIMITS } from '../../limits.js';
import { RANGE_STYLES, formatSummary, importFile, themeStyleRoles, type ChangesMode, type ImportResult, type RangeStyle } from '../../import/readers/index.js';
import { formatDiff } from '../../import/docx/article-diff.js';
import { knownImages } from '../../import/docx/known-images.js';
import { formatDocxSummary } from '../../import/docx/summary.js';
import { intoUpdates, isIssueText, issueArticleFiles, writeImages, writeUpdates, type FileUpdate } from '../../import/into/updates.js';
import { writeFileAtomic } from '../../outputs/write-atomic.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIO, type Command } from '../command.js';
import { exitFor } from '../report.js';

const HELP = `Usage: jianbao import FILE [options]

Turns an article into content YAML: a Word document (.docx), plain text (UTF-8, or GB18030/GBK,
detected) or a saved HTML page.

A .docx is read by its paragraph styles, as jianbao's drafts write them: Title, 栏目 (【…】 →
column), 编者按 (editorNote, without its label), Heading 1–4 (sections, their numbers stripped),
Body Text, List Paragraph, tables (a header row stays the header), pictures (written to
figures/ next to the YAML, with their caption), 来源 (（来源：… 作者：…） → source, author) and
日期 (2021年3月4日 → date). Word's own names (标题 1, Normal, 正文…) and those of WPS,
LibreOffice and pandoc are known too; a paragraph in another style is imported as a paragraph,
with a warning naming the style. A document without such styles is read as plain text. Word's
tracked changes must be accepted or rejected with --changes; comments are listed. Positions in a
.docx read FILE:PARAGRAPH:CHARACTER.

The editing loop: \`jianbao build\` writes a Word draft; an editor changes it in Word or WPS;
\`jianbao import draft.docx --into content/articles/<slug>.yaml\` shows what changed, paragraph by
paragraph with the changed characters marked [-removed-]{+added+}, and writes it when you say so.
--into keeps what a draft does not carry (layouts, draft, titleLines while the title stands,
comments in the YAML) and the file's section structure where its paragraphs correspond.
A bulletin issue's draft goes --into the issue's file: each article back into its own file, in
the issue's order, and the issue's 编者按 into the issue file.

For text and HTML, it recognises the column line, the title, the publication date
(发布时间/发布日期 in their common forms), the editor's note (编者按：), numbered headings at four
levels (一、 （一） 1. （1）, also 第一部分/第一章, and a heading that runs into its paragraph
after a full stop), the closing paragraphs, and the source, author and editor lines (来源：,
作者：, 责任编辑：). Breadcrumbs, view counters and page chrome are dropped and listed. A line it
cannot place is reported as warning[unplaced], never dropped silently.

Headings lose their numbers (一、…): the template numbers sections.

Punctuation, of a .docx too, is normalised per GB/T 15834-2011, and every change is reported
with its position in FILE: in Chinese text, ASCII , : ; ! ? ( ) become ，：；！？（）, straight quotes become
“ ” and ‘ ’ in pairs, ... becomes …… and -- between Chinese becomes ——. Numbers (1.3亿元,
98.7%, 1,000, 12:30), 1+6+N, URLs, e-mail addresses, Latin text and \`code\` stay as they are.
A numeric range such as 2020-2035年 is reported and, unless --ranges says otherwise, kept.

Options:
  -o, --output OUT.yaml   write the YAML there (through a temporary file, then renamed);
                          without -o the YAML goes to standard output and the report to
                          standard error
  --into FILE.yaml        update an existing content file: print the diff, then ask before
                          writing (in a terminal); without a terminal, print the diff and
                          write nothing unless --yes
  -y, --yes               write --into without asking
  --changes=accept|reject which text of Word's tracked changes to import: as edited (accept)
                          or as before the edits (reject); required when there are any
  --keep-punctuation      leave punctuation exactly as it is
  --ranges=STYLE          numeric ranges: keep (default; reported only), dash (2020—2035)
                          or tilde (2020～2035)
  -f, --force             replace OUT.yaml without asking, even in a terminal
  --json                  print one JSON object: summary, diagnostics, article (and the YAML
                          when there is no -o)
  -q, --quiet             print warnings and a one-line summary only
  -v, --verbose           also print every punctuation change as file:line:col: info[punct]
  -h, --help              show this help

Exit codes: 0 imported (warnings may have been printed), or --into shown but not written
without a terminal; 1 bad input: the file could not be imported (unreadable, a format not
supported such as .doc, tracked changes without --changes), or a replacement was declined;
2 bad usage.

Examples:
  jianbao import draft.docx --into content/articles/changzhou-united-front-2020.yaml
  jianbao import edited.docx --changes accept --into content/articles/x.yaml --yes
  jianbao import ../shared/seeds/000_92ff920bbef54819.txt -o content/articles/changzhou-united-front-2020.yaml
  jianbao import page.html --ranges=dash > article.yaml
  jianbao import article.txt --keep-punctuation --json`;

interface Parsed {
  file: string;
  output?: string;
  into?: string;
  yes: boolean;
  changes?: ChangesMode;
  keepPunctuation: boolean;
  ranges: RangeStyle;
  force: boolean;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  help: boolean;
}

function parse(argv: string[]): Parsed {
  const parsed = parseCommandArgs(argv, {
    output: { type: 'string', short: 'o' },
    into: { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
    changes: { type: 'string' },
    'keep-punctuation': { type: 'boolean', default: false },
    ranges: { type: 'string', default: 'keep' },
    force: { type: 'boolean', short: 'f', default: false },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const { values, positionals } = parsed;
  const help = values.help ?? false;
  if (help) return { file: '', yes: false, keepPunctuation: false, ranges: 'keep', force: false, json: false, quiet: false, verbose: false, help };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'import needs one FILE to read' : `import reads one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const ranges = values.ranges ?? 'keep';
  if (!(RANGE_STYLES as readonly string[]).includes(ranges)) {
    const near = didYouMean(ranges, RANGE_STYLES);
    throw new UsageError(`--ranges must be keep, dash or tilde, not '${ranges}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose contradict each other');
  if (values.output === '') throw new UsageError('-o needs a file name');
  if (values.into === '') throw new UsageError('--into needs a file name');
  if (values.into !== undefined && values.output !== undefined) throw new UsageError('-o writes a new file and --into updates one: give one of them');
  if (values.yes && values.into === undefined) throw new UsageError('--yes answers the question --into asks; without --into there is none (-o replaces with --force)');
  const changes = values.changes;
  if (changes !== undefined && changes !== 'accept' && changes !== 'reject') {
    const near = didYouMean(changes, ['accept', 'reject']);
    throw new UsageError(`--changes must be accept or reject, not '${changes}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  return {
    file: positionals[0]!,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.into !== undefined ? { into: values.into } : {}),
    yes: values.yes ?? false,
    ...(changes !== undefined ? { changes } : {}),
    keepPunctuation: values['keep-punctuation'] ?? false,
    ranges: ranges as RangeStyle,
    force: values.force ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    help,
  };
}

/** The file's text, or undefined when there is none; a pipe, a device or a huge file is refused, not waited on. */
function existing(path: string, shown: string): string | undefined {
  if (!fs.existsSync(path) && !isLink(path)) return undefined;
  const read = readBounded(path, { limit: LIMITS.contentFileBytes, shown, what: 'content file' });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  return read.bytes.toString('utf8');
}

function isLink(path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The diagnostics the report shows: warnings always, notes unless quiet, each punctuation change only when verbose. */
function shown(ds: readonly Diagnostic[], o: Parsed): Diagnostic[] {
  return ds.filter((d) => {
    if (d.severity !== 'info') return true;
    if (o.quiet) return false;
    return d.rule !== 'punct' || o.verbose;
  });
}

function summaryOf(r: ImportResult): string {
  if (r.articles && r.articles.length > 1) return issueSummary(r);
  return r.summary.format === 'docx' ? formatDocxSummary(r.summary, r.diagnostics) : formatSummary(r.summary, r.diagnostics);
}

/** A bulletin issue's draft: its articles, one line each. */
function issueSummary(r: ImportResult): string {
  const articles = r.articles ?? [];
  const count = (body: unknown[], what: 'sections' | 'paragraphs'): number =>
    body.reduce<number>((n, b) => {
      if (typeof b === 'string') return n + (what === 'paragraphs' ? 1 : 0);
      const s = b as { heading?: string; body?: unknown[] };
      return s.heading !== undefined ? n + (what === 'sections' ? 1 : 0) + count(s.body ?? [], what) : n;
    }, 0);
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  return [
    `imported ${r.summary.file} (Word document, a bulletin issue of ${articles.length} articles${r.issueNote !== undefined ? ' and its 编者按' : ''})`,
    ...articles.map((a, i) => `  ${i + 1}. ${a.title ?? '(no title)'}  [${count(a.body, 'sections')} sections, ${count(a.body, 'paragraphs')} ¶]`),
    `  problems       ${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].join('\n');
}

function oneLine(r: ImportResult): string {
  if (r.articles && r.articles.length > 1) return `imported ${r.summary.file}: a bulletin issue of ${r.articles.length} articles`;
  const s = r.summary;
  const sections = s.counts.sections.reduce((a, b) => a + b, 0);
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  const punct = s.punctuation.normalised ? `${s.punctuation.changes} punctuation changes` : 'punctuation kept';
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `imported ${s.file}: ${s.title ?? '(no title)'}, ${n(sections, 'section')}, ${n(s.counts.paragraphs, 'paragraph')}, ${punct}, ${n(warnings, 'warning')}`;
}


/** Runs one import: the report, the YAML to -o or stdout, or one JSON document. */
async function importTo(o: Parsed, io: CliIO): Promise<number> {
  if (o.help) {
    io.stdout(HELP + '\n');
    return EXIT_OK;
  }
  const input = resolve(io.cwd, o.file);
  const target = o.output ?? o.into;
  const output = target !== undefined ? resolve(io.cwd, target) : undefined;
  if (output === input) throw new UsageError(`${o.into !== undefined ? '--into' : '-o'} names the input file itself; choose another output`);
  const before = output && target !== undefined ? existing(output, target) : undefined;
  if (o.into !== undefined && before === undefined) throw new UsageError(`--into updates an existing content file, and ${o.into} does not exist; write a new one with -o`);
  // A bulletin issue's draft goes back into the issue's articles, its pictures next to them.
  const issue = o.into !== undefined && before !== undefined && isIssueText(before);
  const articleFiles = issue && output ? issueArticleFiles(output) : [];
  const imageFolder = articleFiles[0] ? dirname(articleFiles[0]) : output ? dirname(output) : io.cwd;
  const known = before === undefined ? [] : issue ? articleFiles.flatMap((f) => knownImages(fs.readFileSync(f, 'utf8'), dirname(f))) : knownImages(before, imageFolder);
  const result = await importFile(input, {
    displayName: o.file,
    keepPunctuation: o.keepPunctuation,
    ranges: o.ranges,
    ...(o.changes ? { changes: o.changes } : {}),
    styleRoles: themeStyleRoles(projectPaths(io.cwd).templatesDir, io.cwd),
    ...(output ? { images: { folder: imageFolder, stem: basename(output, extname(output)), known } } : {}),
    ...(issue ? { several: true } : {}),
  });

  // The report goes where the YAML does not.
  const report = output || o.json ? io.stdout : io.stderr;
  const lines: string[] = [];
  if (!o.json) {
    lines.push(o.quiet ? oneLine(result) : summaryOf(result));
    lines.push(...shown(result.diagnostics, o).map(formatDiagnostic));
  }
  if (o.into !== undefined && output && before !== undefined) {
    const updates = intoUpdates(result, output, before, { draft: o.file, into: o.into, cwd: io.cwd });
    return applyUpdates(o, io, result, updates, imageFolder, lines, report);
  }

  let outcome = '';
  if (output) {
    if (before === result.yaml) outcome = `unchanged ${o.output}`;
    else {
      if (before !== undefined && !o.force && io.interactive && io.ask) {
        if (lines.length > 0) report(lines.splice(0).join('\n') + '\n');
        const answer = await io.ask(`${o.output} exists and differs; replace it? [y/N] `);
        if (!/^y(es)?$/i.test(answer.trim())) {
          io.stderr(`not written: ${o.output} kept as it was\n`);
          return EXIT_BAD_INPUT;
        }
      }
      writeFileAtomic(output, result.yaml);
      const pictures = await writeImages(result, dirname(output));
      outcome = `${before === undefined ? 'wrote' : 'replaced'} ${o.output}${pictures}`;
    }
  } else if (!o.json) {
    io.stdout(result.yaml);
  }

  if (o.json) {
    const json = {
      file: o.file,
      ...(o.output !== undefined ? { output: o.output } : {}),
      summary: result.summary,
      diagnostics: result.diagnostics,
      article: result.article,
      ...(output ? {} : { yaml: result.yaml }),
    };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
    return EXIT_OK;
  }
  if (outcome) lines.push(outcome);
  if (lines.length > 0) report(lines.join('\n') + '\n');
  return EXIT_OK;
}

/**
 * Shows the diffs of `updates` and writes the changed files after a yes (terminal), with --yes,
 * or not at all (no terminal: the diff is the answer, exit 0).
 */
async function applyUpdates(o: Parsed, io: CliIO, result: ImportResult, updates: FileUpdate[], folder: string, lines: string[], report: (t: string) => void): Promise<number> {
  const changed = updates.filter((u) => u.yaml !== u.before);
  const newImages = (result.images ?? []).filter((i) => !i.exists);
  const write = () => writeUpdates(updates, result, folder);
  if (o.json) {
    const written = (changed.length > 0 || newImages.length > 0) && o.yes;
    io.stdout(
      JSON.stringify(
        {
          file: o.file,
          into: o.into,
          summary: result.summary,
          diagnostics: [...result.diagnostics, ...updates.flatMap((u) => u.notes)],
          diff: updates.length === 1 ? updates[0]!.diff.lines : undefined,
          updates: updates.map((u) => ({ file: u.shown, diff: u.diff.lines, changed: u.yaml !== u.before })),
          written,
        },
        null,
        2,
      ) + '\n',
    );
    if (written) await write();
    return EXIT_OK;
  }
  if (!o.quiet) lines.push(...updates.flatMap((u) => u.notes).map(formatDiagnostic));
  const shown = updates.filter((u) => u.diff.lines.length > 0);
  if (shown.length === 0) lines.push(formatDiff(updates[0]!.diff, o.into!, o.file));
  for (const u of shown) lines.push(formatDiff(u.diff, u.shown, u.from));
  const target = changed.length === 1 ? changed[0]!.shown : `${changed.length} files`;
  if (changed.length === 0 && newImages.length === 0) {
    lines.push(`unchanged ${o.into}`);
    report(lines.join('\n') + '\n');
    return EXIT_OK;
  }
  if (!o.yes) {
    if (!io.interactive || !io.ask) {
      lines.push(`not written: ${changed.length > 1 ? `${target} stay` : `${target || o.into} stays`} as ${changed.length > 1 ? 'they were' : 'it was'}; run again with --yes to write the changes (standard input is not a terminal, so nothing was asked)`);
      report(lines.join('\n') + '\n');
      return EXIT_OK;
    }
    report(lines.splice(0).join('\n') + '\n');
    const answer = await io.ask(`write these changes to ${target || o.into}? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr(`not written: ${target || o.into} kept as ${changed.length > 1 ? 'they were' : 'it was'}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const pictures = await write();
  lines.push(`updated ${changed.map((u) => u.shown).join(', ') || o.into}${pictures}`);
  report(lines.join('\n') + '\n');
  return EXIT_OK;
}

export const importCommand: Command = {
  name: 'import',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const json = argv.includes('--json');
    try {
      return await importTo(parse(argv), io);
    } catch (e) {
      return exitFor(e, io, json, 'import');
    }
  },
};
