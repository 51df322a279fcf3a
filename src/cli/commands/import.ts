import { dirname } from 'node:path';
import { prepareArticle, prepareInto } from '../../api/import.js';
import { didYouMean, formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { RANGE_STYLES, formatSummary, type ChangesMode, type ImportResult, type RangeStyle } from '../../import/readers/index.js';
import { formatDiff } from '../../import/into/article-diff.js';
import { formatDocxSummary } from '../../import/docx/summary.js';
import { writeImages, writeUpdates, type FileUpdate } from '../../import/into/updates.js';
import { writeFileAtomic } from '../../outputs/write-atomic.js';
import { parseCommandArgs, wantsJson } from '../args.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIO, type Command } from '../command.js';
import { exitFor, printJson } from '../report.js';

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
  --root DIR              the project whose themes name the Word styles (default: the
                          one holding --into/-o, else the working folder's)
  --changes=accept|reject which text of Word's tracked changes to import: as edited (accept)
                          or as before the edits (reject); required when there are any
  --keep-punctuation      leave punctuation exactly as it is
  --ranges=STYLE          numeric ranges: keep (default; reported only), dash (2020—2035)
                          or tilde (2020～2035)
  -f, --force             replace OUT.yaml without asking, even in a terminal
  --json                  print one JSON object: ok, diagnostics, summary, article (and the
                          YAML when there is no -o); with --into the diff and what was written
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
  root?: string;
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
    root: { type: 'string' },
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
    ...(values.root !== undefined ? { root: values.root } : {}),
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
  const common = {
    cwd: io.cwd,
    ...(o.root !== undefined ? { root: o.root } : {}),
    file: o.file,
    keepPunctuation: o.keepPunctuation,
    ranges: o.ranges,
    ...(o.changes ? { changes: o.changes } : {}),
  };
  if (o.into !== undefined) {
    const { result, updates, imageFolder } = await prepareInto({ ...common, into: o.into });
    return applyUpdates(o, io, result, updates, imageFolder, reportLines(o, result), io.stdout);
  }
  const { result, output, before } = await prepareArticle({ ...common, ...(o.output !== undefined ? { output: o.output } : {}) });

  // The report goes where the YAML does not.
  const report = output || o.json ? io.stdout : io.stderr;
  const lines = reportLines(o, result);
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
    printJson(io, true, result.diagnostics, {
      file: o.file,
      ...(o.output !== undefined ? { output: o.output } : {}),
      summary: result.summary,
      article: result.article,
      ...(output ? {} : { yaml: result.yaml }),
    });
    return EXIT_OK;
  }
  if (outcome) lines.push(outcome);
  if (lines.length > 0) report(lines.join('\n') + '\n');
  return EXIT_OK;
}

/** The summary and the diagnostics shown, as lines (none under --json). */
function reportLines(o: Parsed, result: ImportResult): string[] {
  if (o.json) return [];
  return [o.quiet ? oneLine(result) : summaryOf(result), ...shown(result.diagnostics, o).map(formatDiagnostic)];
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
    printJson(io, true, [...result.diagnostics, ...updates.flatMap((u) => u.notes)], {
      file: o.file,
      into: o.into,
      summary: result.summary,
      diff: updates.length === 1 ? updates[0]!.diff.lines : undefined,
      updates: updates.map((u) => ({ file: u.shown, diff: u.diff.lines, changed: u.yaml !== u.before })),
      written,
    });
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
    const json = wantsJson(argv);
    try {
      return await importTo(parse(argv), io);
    } catch (e) {
      return exitFor(e, io, json, 'import');
    }
  },
};
