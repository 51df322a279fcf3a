import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../../src/diagnostics/index.js';
import { checkGlyphs } from '../../src/glyphs/index.js';
import { notOutputPath, parseManifest } from '../../src/outputs/manifest.js';
import { plan } from '../../src/pipeline/plan.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { verifyDocx, verifyPdf } from '../../src/verify/index.js';
import { ROOT, tempDir } from '../support.js';
import { PROTO_NAMES } from './hostile-arb.js';
import { runIn, writeTree } from './hostile.js';

/**
 * Generators for the output classes, with the property each case must keep:
 * - geometry: a theme's page, margins, sizes, indents and spaces, anywhere from sane to absurd
 *   (negative, zero, thousands): refused with located `theme` errors, or laid out and rendered
 *   to a PDF and a DOCX that hold every text (read back, as --verify does);
 * - output names: content files named with controls, backslashes, dots, reserved names and
 *   long or unusual characters: refused with a located error and nothing written, or built
 *   with every file inside out/ and SHA256SUMS one line per output;
 * - manifests: a good manifest mutated (paths out, absolute, controls, reserved, previews
 *   elsewhere, wrong types): refused at a place in the file, or every entry it keeps is a plain
 *   name inside the folder.
 */

const SENTENCE = '示例正文，用于检查版面是否容得下每一段文字。';
const ARTICLE = `title: 示例标题\ndate: 2021-03-04\nbody:\n  - ${SENTENCE}\n  - heading: 示例小节\n    body:\n      - ${SENTENCE.repeat(3)}\n  - ${SENTENCE}\n`;

/** Mostly what a theme author writes, now and then something hostile: one field in nine. */
const mostly = <T>(sane: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: sane, weight: 8 }, { arbitrary: hostile, weight: 1 });

/** A margin or a space: a plausible length, or a hostile one (negative, zero, larger than the page). */
const length = mostly(
  fc.integer({ min: 10, max: 40 }).map((n) => `${n}mm`),
  fc.oneof(fc.integer({ min: -50, max: 400 }).map((n) => `${n}mm`), fc.integer({ min: -100, max: 2000 }).map(String), fc.constantFrom('0', '148mm', '210mm', '297mm', '1000mm', '-1pt')),
);

export interface GeometryCase {
  size: 'A4' | 'A5' | 'A3';
  margins: [string, string, string, string];
  body: { size: number; indent: number; indentRight: number; spaceBefore: string; lineHeight?: string };
  title: { size: number };
  grid?: number;
}

export const geometryCase: fc.Arbitrary<GeometryCase> = fc.record(
  {
    size: fc.constantFrom('A4' as const, 'A5' as const, 'A3' as const),
    margins: fc.tuple(length, length, length, length),
    body: fc.record(
      {
        size: mostly(fc.integer({ min: 8, max: 30 }), fc.constantFrom(0.5, 1, 100, 600, 10000)),
        indent: mostly(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -20, max: 2000 })),
        indentRight: mostly(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 500 })),
        spaceBefore: mostly(fc.integer({ min: 0, max: 20 }).map((n) => `${n}pt`), length),
        lineHeight: fc.option(mostly(fc.constantFrom('1line', '20pt', '30pt'), fc.constantFrom('0pt', '-5pt', '2000pt', '0.1pt')), { nil: undefined }),
      },
      { requiredKeys: ['size', 'indent', 'indentRight', 'spaceBefore'] },
    ),
    title: fc.record({ size: mostly(fc.integer({ min: 14, max: 30 }), fc.constantFrom(300, 5000)) }),
    grid: fc.option(mostly(fc.integer({ min: 15, max: 40 }), fc.constantFrom(1, 1000, 100000)), { nil: undefined }),
  },
  { requiredKeys: ['size', 'margins', 'body', 'title'] },
);

/** The report theme with the case's page and the body and title styles' values. */
function geometryTheme(c: GeometryCase): string {
  let t = fs.readFileSync(path.join(ROOT, 'templates/report.theme.yaml'), 'utf8');
  const [top, right, bottom, left] = c.margins;
  t = t.replace(/^ {2}size: A4$/m, `  size: ${c.size}`);
  t = t.replace(/^ {2}margins: .*$/m, `  margins: { top: ${top}, right: ${right}, bottom: ${bottom}, left: ${left} }`);
  t = t.replace(/^ {2}grid: .*$/m, c.grid === undefined ? '' : `  grid: { lines: ${c.grid}, chars: 28 }`);
  const b = c.body;
  t = t.replace(/^ {2}body: \{.*\}$/m, `  body: { role: body, id: BodyText, name: Body Text, font: body, size: ${b.size}, indent: ${b.indent}, indentRight: ${b.indentRight}, spaceBefore: ${b.spaceBefore}${b.lineHeight ? `, lineHeight: ${b.lineHeight}` : ''}, grid: true }`);
  t = t.replace(/^( {2}title: \{ role: title,.*size: )22(,.*)$/m, `$1${c.title.size}$2`);
  return t;
}

export type GeometryOutcome = { built: true } | { built: false; diagnostics: Diagnostic[] };

/** Lays the seed-like article out with the case's theme; a layout that builds is rendered and read back. */
export async function geometryOutcome(c: GeometryCase): Promise<GeometryOutcome> {
  const dir = tempDir('jianbao-geometry-');
  try {
    fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    writeTree(dir, { files: { 'templates/report.theme.yaml': geometryTheme(c), 'content/articles/g.yaml': ARTICLE } });
    let planned;
    try {
      planned = plan({ paths: projectPaths(dir), inputs: [path.join(dir, 'content/articles/g.yaml')] });
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      return { built: false, diagnostics: located(e.diagnostics) };
    }
    for (const p of planned) {
      const glyphs = checkGlyphs(p.doc);
      if (glyphs.length > 0) return { built: false, diagnostics: located(glyphs) };
      const pdf = await renderPdf(p.doc, { readableRoots: [dir] });
      const lostPdf = await verifyPdf(p.doc, pdf);
      if (lostPdf.length > 0) throw new Error(`the theme was accepted and the PDF lost text: ${lostPdf.map(formatDiagnostic).join('; ')}`);
      const lostDocx = verifyDocx(p.doc, await renderDocx(p.doc, { readableRoots: [dir] }));
      if (lostDocx.length > 0) throw new Error(`the theme was accepted and the DOCX lost text: ${lostDocx.map(formatDiagnostic).join('; ')}`);
    }
    return { built: true };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Characters and shapes of file names that have broken something somewhere. */
const nameChar = fc.constantFrom('a', 'b', '-', '_', '.', ' ', '示', '例', '\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\\', '%', '*', '?', '"', "'", '\u202e', '\u200b', 'é');
export const outputNameCase: fc.Arbitrary<string> = fc.oneof(
  fc.array(nameChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')),
  fc.constantFrom('manifest', 'SHA256SUMS', 'index', 'release', '.jianbao-lock', '..', '.', '-', ' ', '示例'.repeat(40), 'a.draft', 'CON', 'nul'),
  fc.constantFrom(...PROTO_NAMES),
);

/**
 * Builds one article whose file is named `name` (`content/articles/<name>.yaml`) with the CLI,
 * DOCX only. Refused: exit 1, located errors, the project as it was. Built: exit 0, every file
 * of out/ a regular file inside it, and SHA256SUMS exactly one line per manifest entry.
 */
export async function outputNameOutcome(name: string): Promise<'built' | 'refused' | 'no such file'> {
  const dir = tempDir('jianbao-names-');
  try {
    const rel = `content/articles/${name}.yaml`;
    try {
      writeTree(dir, { files: { [rel]: `title: 示例标题\ndate: 2021-03-04\nbody: [示例段落。]\n` } });
    } catch {
      return 'no such file'; // a name the file system itself refuses (a NUL, too long)
    }
    const r = await runIn(dir, ['build', '--jobs', '1', '--no-preview', '--format', 'docx', rel]);
    if (/\n\s+at |internal error/.test(r.stderr)) throw new Error(`a crash for ${JSON.stringify(name)}: ${r.stderr}`);
    if (r.code === 1) {
      const heads = r.stderr.split('\n').filter((l) => /error\[/.test(l));
      if (heads.length === 0 || heads.some((h) => !/^\S.*:\d+:\d+: error\[/.test(h))) throw new Error(`an unlocated error for ${JSON.stringify(name)}: ${r.stderr}`);
      if (fs.existsSync(path.join(dir, 'out'))) throw new Error(`refused, yet out/ was written for ${JSON.stringify(name)}`);
      return 'refused';
    }
    if (r.code !== 0) throw new Error(`exit ${r.code} for ${JSON.stringify(name)}: ${r.stderr}`);
    const out = path.join(dir, 'out');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
    const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
    if (sums.split('\n').filter(Boolean).length !== manifest.outputs.length) throw new Error(`SHA256SUMS has a line too many for ${JSON.stringify(name)}: ${JSON.stringify(sums)}`);
    for (const e of manifest.outputs) {
      if (notOutputPath(e.path)) throw new Error(`the manifest lists ${JSON.stringify(e.path)}`);
      const file = path.join(out, e.path);
      if (!fs.realpathSync(file).startsWith(fs.realpathSync(out) + path.sep)) throw new Error(`${JSON.stringify(e.path)} is outside out/`);
      if (crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== e.sha256) throw new Error(`${e.path} is not what the manifest says`);
    }
    return 'built';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Values a manifest's fields may be given by a hand, a tool or an attacker. */
const pathLike = fc.oneof(
  fc.constantFrom('articles/a/report.pdf', '../x', '../../etc/hostname', '/etc/passwd', 'C:/x', 'a//b', './a', 'a/./b', 'a/../b', '', '.', 'manifest.json', 'SHA256SUMS', 'index.html', 'release/x.zip', '.jianbao-lock', 'a/.jianbao-1-x.tmp', 'a\nb', 'a\\b', 'a\u0000b', 'a/b.preview.png'),
  fc.array(fc.constantFrom('a', '..', '.', '', 'b.pdf', '\n', '/', 'x'), { minLength: 1, maxLength: 5 }).map((s) => s.join('/')),
);
const anyValue = fc.oneof(pathLike, fc.integer(), fc.constant(null), fc.constant(true), fc.array(fc.string(), { maxLength: 2 }), fc.constant({}), fc.constantFrom('f'.repeat(64), 'F'.repeat(64), 'nothex'));

export const manifestCase: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('path', 'preview', 'source', 'sha256', 'bytes', 'pages', 'key', 'imposed', 'draft', 'format', 'outputs', 'generator'), anyValue), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([edits, asText]) => {
    const entry: Record<string, unknown> = { source: 'content/articles/a.yaml', layout: 'report', format: 'pdf', path: 'articles/a/report.pdf', bytes: 10, sha256: 'a'.repeat(64), preview: 'articles/a/report.preview.png' };
    const m: Record<string, unknown> = { generator: 'x', outputs: [entry] };
    for (const [key, value] of edits) {
      if (key === 'outputs' || key === 'generator') m[key] = value;
      else entry[key] = value;
    }
    const text = JSON.stringify(m, null, 2);
    // Now and then cut short, or as a manifest a person edited badly.
    return asText ? text : text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  });

/** parseManifest on a case: a located error, or entries each a plain name inside the folder with its preview where jianbao puts it. */
export function manifestOutcome(text: string): 'kept' | 'refused' {
  try {
    const m = parseManifest(text, 'out/manifest.json');
    for (const e of m.outputs) {
      const why = notOutputPath(e.path);
      if (why) throw new Error(`kept ${JSON.stringify(e.path)}, which ${why}`);
      if (e.preview !== undefined && e.preview !== e.path.replace(/\.[^./]*$/, '') + '.preview.png') throw new Error(`kept the preview ${JSON.stringify(e.preview)}`);
      if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw new Error(`kept the sha256 ${JSON.stringify(e.sha256)}`);
    }
    return 'kept';
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    located(e.diagnostics);
    return 'refused';
  }
}

/** Every diagnostic has a rule, a message without placeholders and a place. */
function located(ds: Diagnostic[]): Diagnostic[] {
  if (ds.length === 0) throw new Error('refused without a diagnostic');
  for (const d of ds) {
    const shown = formatDiagnostic(d);
    if (/\bNaN\b|\bundefined\b|\[object Object\]/.test(d.message)) throw new Error(`a diagnostic that prints a placeholder: ${shown}`);
    if (d.severity === 'error' && !(d.pos?.file && d.pos.line >= 1 && d.pos.column >= 1)) throw new Error(`an error without a place: ${shown}`);
  }
  return ds;
}
