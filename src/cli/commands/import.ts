import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { didYouMean, formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { RANGE_STYLES, formatSummary, importFile, type ImportResult, type RangeStyle } from '../../import/index.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIO, type Command } from '../command.js';
import { exitFor } from '../report.js';

const HELP = `Usage: jianbao import FILE [options]

Turns an article copied from a web page into content YAML: plain text (UTF-8, or GB18030/GBK,
detected) or a saved HTML page. It recognises the column line, the title, the publication date
(发布时间/发布日期 in their common forms), the editor's note (编者按：), numbered headings at four
levels (一、 （一） 1. （1）, also 第一部分/第一章, and a heading that runs into its paragraph
after a full stop), the closing paragraphs, and the source, author and editor lines (来源：,
作者：, 责任编辑：). Breadcrumbs, view counters and page chrome are dropped and listed. A line it
cannot place is reported as warning[unplaced], never dropped silently.

Headings lose their numbers (一、…): the template numbers sections.

Punctuation is normalised per GB/T 15834-2011, and every change is reported with its position
in FILE: in Chinese text, ASCII , : ; ! ? ( ) become ，：；！？（）, straight quotes become
“ ” and ‘ ’ in pairs, ... becomes …… and -- between Chinese becomes ——. Numbers (1.3亿元,
98.7%, 1,000, 12:30), 1+6+N, URLs, e-mail addresses, Latin text and \`code\` stay as they are.
A numeric range such as 2020-2035年 is reported and, unless --ranges says otherwise, kept.

Options:
  -o, --output OUT.yaml   write the YAML there (through a temporary file, then renamed);
                          without -o the YAML goes to standard output and the report to
                          standard error
  --keep-punctuation      leave punctuation exactly as it is
  --ranges=STYLE          numeric ranges: keep (default; reported only), dash (2020—2035)
                          or tilde (2020～2035)
  -f, --force             replace OUT.yaml without asking, even in a terminal
  --json                  print one JSON object: summary, diagnostics, article (and the YAML
                          when there is no -o)
  -q, --quiet             print warnings and a one-line summary only
  -v, --verbose           also print every punctuation change as file:line:col: info[punct]
  -h, --help              show this help

Exit codes: 0 imported (warnings may have been printed); 1 bad input: the file could not be
imported (unreadable, or a format not supported yet such as .docx), or a replacement was
declined; 2 bad usage.

Examples:
  jianbao import ../shared/seeds/000_92ff920bbef54819.txt -o content/articles/changzhou-united-front-2020.yaml
  jianbao import page.html --ranges=dash > article.yaml
  jianbao import article.txt --keep-punctuation --json`;

interface Parsed {
  file: string;
  output?: string;
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
  if (help) return { file: '', keepPunctuation: false, ranges: 'keep', force: false, json: false, quiet: false, verbose: false, help };
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
  return {
    file: positionals[0]!,
    ...(values.output !== undefined ? { output: values.output } : {}),
    keepPunctuation: values['keep-punctuation'] ?? false,
    ranges: ranges as RangeStyle,
    force: values.force ?? false,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    help,
  };
}

/** Writes `text` to `path` through a temporary file in the same folder, so a reader never sees half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function existing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
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

function oneLine(r: ImportResult): string {
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
  const output = o.output !== undefined ? resolve(io.cwd, o.output) : undefined;
  if (output === input) throw new UsageError('-o names the input file itself; choose another output');
  const result = await importFile(input, {
    displayName: o.file,
    keepPunctuation: o.keepPunctuation,
    ranges: o.ranges,
  });

  // The report goes where the YAML does not.
  const report = output || o.json ? io.stdout : io.stderr;
  const lines: string[] = [];
  if (!o.json) {
    lines.push(o.quiet ? oneLine(result) : formatSummary(result.summary, result.diagnostics));
    lines.push(...shown(result.diagnostics, o).map(formatDiagnostic));
  }

  let outcome = '';
  if (output) {
    const before = await existing(output);
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
      await writeAtomically(output, result.yaml);
      outcome = `${before === undefined ? 'wrote' : 'replaced'} ${o.output}`;
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

export const importCommand: Command = {
  name: 'import',
  summary: 'import a text or HTML article into content YAML, normalising punctuation (GB/T 15834)',
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
