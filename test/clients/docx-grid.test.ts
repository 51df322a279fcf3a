import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText, styleByRole, type Block, type Doc } from '../../src/ir/index.js';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { buildInto, ROOT, SEED, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';
import { faceRuns, pageLines, pagePixels } from './lo-pages.js';

const ISSUE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');

interface Case {
  layout: string;
  file: string;
  rel: string;
  doc: Doc;
  /** jianbao's PDF and LibreOffice's rendering of the DOCX. */
  pdf: string;
  lo: string;
}

const CASES = [
  { layout: 'report', file: SEED, rel: 'articles/changzhou-united-front-2020/report' },
  { layout: 'bulletin', file: ISSUE, rel: 'bulletins/sample-2021-01/bulletin' },
  { layout: 'booklet', file: ISSUE, rel: 'bulletins/sample-2021-01/booklet' },
];

/** Converts DOCX files to PDF in one LibreOffice run, with its own profile and the given environment. */
function libreOffice(files: string[], outDir: string, env: NodeJS.ProcessEnv = {}): void {
  const soffice = requireClient('soffice', 'libreoffice-writer-nogui');
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    run(soffice, [`-env:UserInstallation=file://${path.join(outDir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 280_000 });
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run(requireClient('pdfinfo', 'poppler-utils'), [pdf]))![1]);
}

/** The text block and the grid the theme gives it: lines a page, characters a line, the pitch. */
function gridOf(doc: Doc) {
  const { width, height, margins, linePitch, charPitch } = doc.page;
  const textHeight = height - margins.top - margins.bottom;
  const textWidth = width - margins.left - margins.right;
  const lines = Math.round(textHeight / linePitch);
  const chars = Math.round(textWidth / charPitch!);
  // Word's pitch: whole twips a line (579 for 22 lines in 225 mm).
  const pitch = Math.floor((Math.round(height * 20) - Math.round(margins.top * 20) - Math.round(margins.bottom * 20)) / lines) / 20;
  return { lines, chars, pitch, top: margins.top, left: margins.left, right: width - margins.right, bottom: margins.top + textHeight, cell: textWidth / chars, size: styleByRole(doc, 'body')!.size };
}

const CLOSING = /[，。、：；？！）》〉】〕」』”’]/u;
const OPENING = /[（《〈【〔「『“‘]/u;
/** Han characters and full-width marks only: the curly quotes are left out, LibreOffice sets them in the Latin face. */
const PURE_CHINESE = /^[\p{Script=Han}，。、：；？！（）《》〈〉【】〔〕「」『』—…·]+$/u;

/**
 * Whether a line broke early by a line-breaking rule rather than the grid: the next line starts
 * with an opening mark (it may not end this one), a Latin word or number (it is not split), or
 * with characters a closing mark follows within what this line had room for (a closing mark
 * may not start a line, so the character before it went down with it; LibreOffice hangs no
 * punctuation where Word is told it may, see part-edits.ts).
 */
function brokeByRule(line: string, next: string | undefined, chars: number): boolean {
  if (!next) return false;
  const room = chars - [...line].length;
  const head = [...next].slice(0, room + 1);
  return OPENING.test(head[0] ?? '') || /^[A-Za-z0-9]/.test(next) || head.some((c) => CLOSING.test(c));
}

/** The paragraphs that keep with what follows (headings, a column label, a title): a page may end short before one. */
function keptStarts(doc: Doc): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'heading') out.push(`${b.number ?? ''}${inlineText(b.inlines)}`);
      else if (b.kind === 'paragraph' && doc.styles[b.style]?.keepWithNext) out.push(b.lines ? b.lines.join('') : inlineText(b.inlines));
      else if (b.kind === 'foot') walk(b.blocks);
    }
  };
  walk(doc.blocks);
  return out.map((t) => t.replace(/\s+/g, '').slice(0, 6)).filter((t) => t !== '');
}

describe('Word drafts in LibreOffice, on their layouts’ grids (GB/T 9704: 22 lines × 28 characters)', () => {
  const cases: Case[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('jianbao-grid-lo-');
    for (const c of CASES) {
      const built = await buildInto([c.file], { layouts: [c.layout], formats: ['pdf', 'docx'] });
      const docx = path.join(dir, `${c.layout}.docx`);
      const pdf = path.join(dir, `${c.layout}.jianbao.pdf`);
      fs.copyFileSync(path.join(built.out, `${c.rel}.docx`), docx);
      fs.copyFileSync(path.join(built.out, `${c.rel}.pdf`), pdf);
      const doc = plan({ paths: projectPaths(ROOT), inputs: [c.file], layouts: [c.layout] })[0]!.doc;
      cases.push({ ...c, doc, pdf, lo: path.join(dir, `${c.layout}.pdf`) });
    }
    libreOffice(
      cases.map((c) => path.join(dir, `${c.layout}.docx`)),
      dir,
    );
  }, 300_000);

  it('sets every full line of pure Chinese text at the body size with the grid’s characters (28; 27 on the booklet)', () => {
    for (const c of cases) {
      const g = gridOf(c.doc);
      let exact = 0;
      // The text block's lines of every page, in order: a page's last line continues on the next page.
      const lines = pageLines(c.lo).flatMap((page, p) => page.filter((l) => l.yMin >= g.top - 2 && l.yMax <= g.bottom + 6).map((l) => ({ ...l, page: p + 1 })));
      lines.forEach((line, i) => {
        const height = line.yMax - line.yMin;
        const full = Math.abs(line.xMin - g.left) < 3 && line.xMax > g.right - g.cell / 2;
        if (!full || !PURE_CHINESE.test(line.text) || Math.abs(height - 1.3 * g.size) > 1) return;
        // A closing mark hanging past the right edge is not a cell of the line.
        const n = [...line.text].length - (line.xMax > g.right + 3 && CLOSING.test(line.text.slice(-1)) ? 1 : 0);
        if (n === g.chars) exact++;
        else expect(n < g.chars && brokeByRule(line.text, lines[i + 1]?.text, g.chars), `${c.layout} page ${line.page}: ${n} characters: ${line.text} | ${lines[i + 1]?.text}`).toBe(true);
      });
      expect(exact, `${c.layout}: full lines of ${g.chars}`).toBeGreaterThan(25);
    }
  });

  it('fills every page but the last to the grid’s last line (22; 25 on the booklet), no page holding more, one pitch (579 twips) between body lines', () => {
    for (const c of cases) {
      const g = gridOf(c.doc);
      const kept = keptStarts(c.doc);
      const pages = pageLines(c.lo).map((lines) => lines.filter((l) => l.yMin >= g.top - 2 && l.yMax <= g.bottom + 6));
      pages.forEach((lines, p) => {
        const last = lines[lines.length - 1]!;
        const filled = Math.round((last.yMax - g.top) / g.pitch);
        expect(filled, `${c.layout} page ${p + 1}`).toBeLessThanOrEqual(g.lines);
        if (p === pages.length - 1) return;
        const nextStart = (pages[p + 1]![0]?.text ?? '').replace(/\s+/g, '');
        if (filled < g.lines) expect(kept.some((k) => nextStart.startsWith(k)), `${c.layout} page ${p + 1} ends at line ${filled}; page ${p + 2} starts ${nextStart.slice(0, 12)}`).toBe(true);
      });
      // Consecutive body lines (one after the other at the body size): one Word pitch apart.
      const steps = pages.flatMap((lines) => lines.slice(1).map((l, i) => [lines[i]!, l] as const)).filter(([a, b]) => [a, b].every((l) => Math.abs(l.yMax - l.yMin - 1.3 * g.size) < 1) && Math.abs(a.xMin - g.left) < 3 && Math.abs(b.xMin - g.left) < 3);
      expect(steps.length, c.layout).toBeGreaterThan(50);
      for (const [a, b] of steps) expect(Math.abs(b.yMin - a.yMin - g.pitch), `${c.layout}: ${a.text} → ${b.text}`).toBeLessThan(0.15);
    }
  });

  it('runs to as many pages as jianbao’s PDF (the seed’s report)', () => {
    const report = cases.find((c) => c.layout === 'report')!;
    expect(pageCount(report.lo)).toBe(pageCount(report.pdf));
  });
});

describe('the faces of a Word draft in LibreOffice, with the fontconfig rules of docs/fontconfig installed', () => {
  let runs: ReturnType<typeof faceRuns>;
  let doc: Doc;

  beforeAll(async () => {
    const dir = tempDir('jianbao-faces-lo-');
    const built = await buildInto([SEED], { layouts: ['report'], formats: ['docx'] });
    fs.copyFileSync(path.join(built.out, 'articles/changzhou-united-front-2020/report.docx'), path.join(dir, 'report.docx'));
    // As a user installs them: ~/.config/fontconfig/conf.d/ (fontconfig reads it through 50-user.conf).
    const xdg = path.join(dir, 'config');
    fs.mkdirSync(path.join(xdg, 'fontconfig/conf.d'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'docs/fontconfig/50-jianbao-office-faces.conf'), path.join(xdg, 'fontconfig/conf.d/50-jianbao-office-faces.conf'));
    libreOffice([path.join(dir, 'report.docx')], dir, { XDG_CONFIG_HOME: xdg });
    runs = faceRuns(path.join(dir, 'report.pdf'));
    doc = plan({ paths: projectPaths(ROOT), inputs: [SEED], layouts: ['report'] })[0]!.doc;
  }, 300_000);

  const runOf = (text: string) => {
    const r = runs.find((x) => x.text.replace(/\s+/g, '').startsWith(text.replace(/\s+/g, '').slice(0, 6)));
    expect(r, text).toBeDefined();
    return r!;
  };

  /** The text of the first block of a kind or style role. */
  const first = (match: (b: Block) => boolean): string => {
    const b = doc.blocks.find(match);
    if (b?.kind === 'heading') return `${b.number ?? ''}${inlineText(b.inlines)}`;
    if (b?.kind === 'paragraph') return b.lines?.[0] ?? inlineText(b.inlines);
    return '';
  };

  it('sets the title in a heavy serif, 一、 headings in a bold sans, the body in a serif CJK face', () => {
    const title = runOf(first((b) => b.kind === 'paragraph' && doc.styles[b.style]?.role === 'title'));
    expect(title.family).toMatch(/Serif/);
    expect(title.bold || /Bold|Black|Heavy/.test(title.family)).toBe(true);
    const heading = runOf(first((b) => b.kind === 'heading' && b.level === 1));
    expect(heading.family).toMatch(/Sans/);
    expect(heading.family).not.toMatch(/Serif/);
    expect(heading.bold).toBe(true);
    const bodyText = first((b) => b.kind === 'paragraph' && doc.styles[b.style]?.role === 'body');
    const body = runs.find((r) => r.text.trim().length > 8 && bodyText.includes(r.text.trim()))!;
    expect(body, bodyText).toBeDefined();
    expect(body.family).toMatch(/Serif.*CJK|CJK.*Serif/);
    expect(body.bold).toBe(false);
  });
});

describe('a --draft DOCX’s watermark in LibreOffice', () => {
  let draft: string;
  let final: string;

  beforeAll(async () => {
    const dir = tempDir('jianbao-watermark-lo-');
    for (const [name, isDraft] of [['draft', true], ['final', false]] as const) {
      const built = await buildInto([SEED], { layouts: ['report'], formats: ['docx'], draft: isDraft });
      // A draft is written beside the final, as report.draft.docx.
      fs.copyFileSync(path.join(built.out, `articles/changzhou-united-front-2020/report${isDraft ? '.draft' : ''}.docx`), path.join(dir, `${name}.docx`));
    }
    libreOffice([path.join(dir, 'draft.docx'), path.join(dir, 'final.docx')], dir);
    draft = path.join(dir, 'draft.pdf');
    final = path.join(dir, 'final.pdf');
  }, 300_000);

  /** Pixels of the watermark's faint red (#C00000 at 8 %) in the middle half of a page, where no other red is. */
  const tinted = (page: { width: number; height: number; rgb: Uint8Array }) => {
    let n = 0;
    for (let y = Math.floor(page.height / 4); y < Math.floor((page.height * 3) / 4); y++) {
      for (let x = 0; x < page.width; x++) {
        const i = (y * page.width + x) * 3;
        const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
        if (r - g >= 10 && r - b >= 10 && r >= 200) n++;
      }
    }
    return n;
  };

  it('shows on every page, and a final build shows none', () => {
    const pages = pagePixels(draft, 30);
    expect(pages.length).toBe(pageCount(final));
    pages.forEach((p, i) => expect(tinted(p), `page ${i + 1}`).toBeGreaterThan(150));
    for (const [i, p] of pagePixels(final, 30).entries()) expect(tinted(p), `final page ${i + 1}`).toBeLessThan(10);
  });
});
