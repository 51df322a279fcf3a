import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText, type Block, type Doc } from '../../src/ir/index.js';
import { build, plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import type { GlyphRun } from '../../src/verify/pdf-glyphs.js';
import { parsedFont } from '../../src/fonts/font-file.js';
import { ROOT, tempDir } from '../support.js';
import { CLOSING, OPENING } from '../../src/verify/line-metrics.js';
import { dashInk, isBold, openingOf, readPages, squash, type PageView } from './page-layout.js';
import { readLines } from './read-lines.js';

/**
 * The page-level stress corpus (test/print-corpus/page-*.yaml, bulletin-*.yaml): articles with
 * four heading levels, editor's notes, tables with long cells, a long table and a row taller than
 * a page, portrait and landscape pictures, and a bulletin of more than 15 pages, built by the real
 * build (with --verify: no text may be lost) and read back from the PDFs, page by page.
 */
const CORPUS = path.join(ROOT, 'test/print-corpus');
const FILES = fs
  .readdirSync(CORPUS)
  .filter((f) => /^(page|bulletin)-.*\.yaml$/.test(f))
  .map((f) => path.join(CORPUS, f));

interface Output {
  name: string;
  doc: Doc;
  pdf: Uint8Array;
  pages: PageView[];
  runs: GlyphRun[];
}

const outputs: Output[] = [];

beforeAll(async () => {
  const paths = { ...projectPaths(ROOT), contentDir: CORPUS, outDir: tempDir('jianbao-print-corpus-') };
  const result = await build({ paths, inputs: FILES, formats: ['pdf'], jobs: 1, previews: false, verify: true });
  const docs = plan({ paths, inputs: FILES });
  // Print sheets (booklet-imposed.pdf) are pages of pages: what they hold is checked in the booklet.
  for (const entry of result.outputs.filter((e) => e.path.endsWith('.pdf') && !e.path.endsWith('-imposed.pdf'))) {
    const planned = docs.find((d) => path.resolve(d.source.file) === path.resolve(paths.projectDir, entry.source) && d.layout === entry.layout);
    const doc = planned!.doc;
    const pdf = new Uint8Array(fs.readFileSync(path.join(paths.outDir, entry.path)));
    outputs.push({ name: entry.path, doc, pdf, ...(await readPages(pdf, doc)) });
  }
}, 600_000);

/** An output with an end block (a bulletin issue). */
const isBulletin = (o: Output) => o.doc.blocks.some((b) => b.kind === 'foot');

/** The top of the end block on the last page: its upper rule, the highest rule under the last line of text. */
function endBlockTop(o: Output): number {
  const last = o.pages[o.pages.length - 1]!;
  const label = last.inside.find((l) => /^(报|送|发)：/.test(l.text))!;
  return Math.max(...last.ink.filter((i) => i.kind === 'rule' && i.bottom > label.y).map((i) => i.top));
}

describe('the page-level corpus, read back from its PDFs', () => {
  it('has every output built, a bulletin of at least 15 pages among them', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(FILES.length);
    const bulletin = outputs.find((o) => o.name.endsWith('bulletin.pdf'));
    expect(bulletin?.pages.length).toBeGreaterThanOrEqual(15);
  });

  it('fills every grid line of a full page, ending early only before a heading (or a picture, which cannot break), by at most the allowed empty lines before a table, or to give its last lines to the end block', () => {
    const problems: string[] = [];
    for (const o of outputs) {
      const { maxEmptyLines, endBlockLines } = o.doc.flow;
      // The page before the end block's gives it its last lines when the end block did not fit
      // under them: it ends early by those lines and the room the end block lacked there.
      const footLines = isBulletin(o) ? Math.ceil((endBlockTop(o) - o.doc.page.margins.bottom) / o.doc.page.linePitch - 1e-3) : 0;
      o.pages.forEach((page, i) => {
        if (i === o.pages.length - 1) return;
        const next = openingOf(o.pages[i + 1]!, o.doc);
        const givesToEndBlock = isBulletin(o) && i === o.pages.length - 2;
        const allowed = next === 'heading' || next === 'figure' ? Infinity : next === 'table' ? maxEmptyLines : givesToEndBlock ? endBlockLines + footLines : 0;
        if (page.emptyLines > allowed) problems.push(`${o.name} p${page.page}: ${page.emptyLines} empty grid lines before a page opening with ${next}: ${o.pages[i + 1]!.inside[0]?.text.slice(0, 12)}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('starts every page on its first grid line (space before a block is dropped at a page top)', () => {
    const problems = outputs.flatMap((o) => o.pages.filter((p) => p.firstLine > 0).map((p) => `${o.name} p${p.page}: starts on grid line ${p.firstLine + 1}: ${p.inside[0]?.text.slice(0, 12)}`));
    expect(problems).toEqual([]);
  });

  it('keeps the body on the grid on every page, after tables and pictures too', () => {
    const problems: string[] = [];
    for (const o of outputs) {
      const { linePitch, margins, height } = o.doc.page;
      const body = o.doc.styles.body!;
      let phase: number | undefined;
      for (const p of o.pages) {
        for (const l of p.inside.filter((x) => Math.abs(x.size - body.size) < 0.01 && x.runs.every((r) => !/Sans/i.test(r.fontName)))) {
          const offset = (height - margins.top - l.y) / linePitch;
          const f = offset - Math.floor(offset);
          phase ??= f;
          if (Math.abs(f - phase) > 0.01) problems.push(`${o.name} p${p.page}: ${((f - phase) * linePitch).toFixed(2)} pt off the grid: ${l.text.slice(0, 12)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts the end block on a page with text: the last lines of the body above it', () => {
    for (const o of outputs.filter(isBulletin)) {
      const last = o.pages[o.pages.length - 1]!;
      const labels = last.inside.filter((l) => /^(报|送|发)：/.test(l.text));
      expect(labels.length, o.name).toBeGreaterThan(0);
      const above = last.inside.filter((l) => l.y > labels[0]!.y + 1 && Math.abs(l.size - o.doc.styles.body!.size) < 0.01);
      expect(above.length, `${o.name}: body lines on the end block's page`).toBeGreaterThanOrEqual(o.doc.flow.endBlockLines);
    }
  });

  it("indents the end block's 报/送/发 lines one character at each end, as 版记 lines are", () => {
    for (const o of outputs.filter(isBulletin)) {
      const style = o.doc.styles.endBlock!;
      const { left, right } = o.doc.page.margins;
      const last = o.pages[o.pages.length - 1]!;
      for (const l of last.inside.filter((x) => /^(报|送|发)：/.test(x.text))) expect(l.left, `${o.name}: ${l.text}`).toBeCloseTo(left + style.indentLeft * style.size, 1);
      const copies = last.inside.find((l) => l.text.includes('共印'))!;
      expect(o.doc.page.width - right - copies.right, `${o.name}: （共印N份） from the right`).toBeCloseTo(style.indentRight * style.size, 0);
    }
  });

  it('prints level-3 headings and table header rows bold, and body text not', () => {
    const problems: string[] = [];
    for (const o of outputs) {
      const { h3, headers } = boldTexts(o.doc.blocks);
      const runsOf = (text: string, size: number) => o.runs.filter((r) => Math.abs(r.size - size) < 0.01 && text.includes(squash(r.glyphs.map((g) => g.text).join(''))));
      for (const text of h3) {
        const line = o.pages.flatMap((p) => p.inside).find((l) => squash(l.text) === text);
        if (!line) problems.push(`${o.name}: heading ${text} not drawn on one line`);
        else if (!line.runs.every(isBold)) problems.push(`${o.name}: heading ${text} not bold: ${line.runs.map((r) => r.fontName).join(', ')}`);
      }
      const cell = o.doc.styles.tableCell!.size;
      for (const text of headers) {
        const runs = runsOf(text, cell);
        if (runs.length === 0 || !runs.every(isBold)) problems.push(`${o.name}: header cell ${text} not bold`);
      }
      // Body text is set in the body face as it is, never stroked.
      const face = faceName(o.doc.fonts[o.doc.styles.body!.font]!.file);
      const lines = o.pages.flatMap((p) => p.inside).filter((l) => !h3.includes(squash(l.text)));
      const body = lines.flatMap((l) => l.runs).filter((r) => r.fontName === face && Math.abs(r.size - o.doc.styles.body!.size) < 0.01);
      if (body.length === 0 || body.some((r) => r.renderMode !== 0)) problems.push(`${o.name}: body text drawn stroked`);
    }
    expect(problems).toEqual([]);
  });

  it('places the page number by its ink: the dashes one em wide, the given distance below the text block, one character in from its edge on the outside', () => {
    const problems: string[] = [];
    for (const o of outputs) {
      const pn = o.doc.furniture.pageNumber!;
      const style = o.doc.styles[pn.style]!;
      const face = o.doc.fonts[style.font]!.file;
      const { margins, width } = o.doc.page;
      for (const p of o.pages) {
        const runs = p.lines.filter((l) => l.y < margins.bottom).flatMap((l) => l.runs);
        const dashes = runs.flatMap((r) => dashInk(r, face));
        if (dashes.length !== 2) {
          problems.push(`${o.name} p${p.page}: ${dashes.length} dashes in the page number`);
          continue;
        }
        for (const d of dashes) {
          const w = (d.right - d.left) / style.size;
          if (Math.abs(w - (pn.dash ?? style.size) / style.size) > 0.05) problems.push(`${o.name} p${p.page}: dash ${w.toFixed(3)} em wide`);
          const below = ((margins.bottom - d.top) * 25.4) / 72;
          if (Math.abs(below - (pn.below * 25.4) / 72) > 0.3) problems.push(`${o.name} p${p.page}: dash ${below.toFixed(2)} mm below the text block`);
        }
        const inkLeft = Math.min(...dashes.map((d) => d.left));
        const inkRight = Math.max(...dashes.map((d) => d.right));
        if (pn.position === 'outside') {
          const off = p.page % 2 === 1 ? width - margins.right - pn.inset - inkRight : inkLeft - margins.left - pn.inset;
          if (Math.abs(off) > 0.5) problems.push(`${o.name} p${p.page}: page number ${off.toFixed(2)} pt from one character in`);
        } else if (Math.abs((inkLeft + inkRight) / 2 - (margins.left + width - margins.right) / 2) > 0.5) problems.push(`${o.name} p${p.page}: page number off centre`);
      }
    }
    expect(problems).toEqual([]);
  });
  it('sets every line of every page as the line-level corpus is: within 0.15 em a character, no line started by a closing mark or ended by an opening one, no lone last character', async () => {
    const problems: string[] = [];
    let audited = 0;
    const countable = (t: string) => [...t].filter((c) => !CLOSING.has(c) && !/\s/.test(c)).length;
    for (const o of outputs) {
      const r = await readLines(o.doc, o.pdf, { metrics: false });
      for (const p of r.paragraphs) {
        for (const a of p.audits) {
          audited++;
          if (a.maxExtraEm > 0.15) problems.push(`${o.name}: ${a.maxExtraEm.toFixed(3)} em in ${a.text}`);
        }
        p.lines.forEach((l, k) => {
          const t = [...l.text.trim()];
          if (k > 0 && CLOSING.has(t[0]!)) problems.push(`${o.name}: line starts with ${t[0]}: ${l.text}`);
          if (k < p.lines.length - 1 && OPENING.has(t.at(-1)!)) problems.push(`${o.name}: line ends with ${t.at(-1)}: ${l.text}`);
        });
        if (p.lines.length > 1 && !p.balance && countable(p.lines.at(-1)!.text) <= 1) problems.push(`${o.name}: lone last character of ${p.text.slice(0, 12)}`);
      }
    }
    expect(audited).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});

/** A face's PostScript name, as the PDF embeds it (verify's fontName: without the subset tag). */
function faceName(file: string): string {
  const opened = parsedFont(file) as { postscriptName?: string; fonts?: { postscriptName: string }[] };
  return opened.fonts?.[0]?.postscriptName ?? opened.postscriptName ?? '';
}

/** Texts that must print bold: level-3 headings (number and text) and header cells. */
function boldTexts(blocks: readonly Block[]): { h3: string[]; headers: string[] } {
  const h3: string[] = [];
  const headers: string[] = [];
  const visit = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.kind === 'heading' && b.level === 3) h3.push(squash((b.number ?? '') + inlineText(b.inlines)));
      else if (b.kind === 'table' && b.header) headers.push(...b.header.map((c) => squash(inlineText(c))));
      else if (b.kind === 'foot') visit(b.blocks);
    }
  };
  visit(blocks);
  return { h3, headers: headers.filter(Boolean) };
}
