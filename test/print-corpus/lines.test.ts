import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSING, OPENING } from '../../src/verify/line-metrics.js';
import { ROOT } from '../support.js';
import { readDocument, type ReadDocument } from './read-lines.js';

// The line-level half of issue 16, read back from the real PDFs: every line of every paragraph
// of the stress corpus (test/print-corpus/lines-*.yaml: URLs, e-mail addresses, paths, numbers
// with units, Latin words and phrases, 《》, ——, ……, nested quotes, 3-line titles, 4 heading
// levels) and of content/, set by the report layout; the bulletin's centred lines too.

const CORPUS = path.join(ROOT, 'test/print-corpus');
const files = fs.readdirSync(CORPUS).filter((f) => /^lines-.*\.yaml$/.test(f)).map((f) => path.join(CORPUS, f));
const articles = [...files, ...fs.readdirSync(path.join(ROOT, 'content/articles')).map((f) => path.join(ROOT, 'content/articles', f))];

/** Pieces a title line must not split, per title (a name, a number, a bracket, a compound). */
const WHOLE: Record<string, string[]> = {
  'lines-marks.yaml': ['《示例市政务信息报送工作规范（试行）》', '（示例）'],
  'lines-names.yaml': ['张三', '李四', '“智慧政务一网通办”', '2020年度', '（示例）'],
  'lines-numbers-units.yaml': ['2021年', '1.25万人', '15.3%', '（示例）'],
  'lines-headings.yaml': ['（征求意见稿）', '（示例）'],
  'lines-urls-paths.yaml': ['（示例）'],
  'sample-information-work.yaml': ['信息报送工作', '（示例）'],
};

const countable = (s: string) => [...s].filter((c) => !CLOSING.has(c) && !/\s/.test(c)).length;

describe('line-level print quality on the stress corpus and content/ (report layout)', () => {
  const read = new Map<string, ReadDocument>();
  beforeAll(async () => {
    for (const f of articles) read.set(f, await readDocument(f));
  });

  it('has a corpus of its own: every kind of trouble the issue names', () => {
    const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const kind of [/https:\/\//, /@example/, /\/var\/log/, /C:\\/, /\d+\.\d+%/, /《/, /——/, /……/, /“[^”]*‘/, /Internationalization/]) expect(text).toMatch(kind);
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('sets no line looser than 0.15 em a character (Han gaps, Han–word edges, inside words)', () => {
    for (const [f, r] of read) {
      for (const p of r.paragraphs) for (const a of p.audits) expect(a.maxExtraEm, `${path.basename(f)}: ${a.text}`).toBeLessThanOrEqual(0.15);
    }
  });

  it('gives a digit/Latin–Han edge at most twice a Han gap of a loose line', () => {
    let edges = 0;
    for (const [f, r] of read) {
      for (const p of r.paragraphs) {
        for (const a of p.audits) {
          if (a.hanGaps === 0 || a.hanEm <= 0.001) continue;
          for (const e of a.edgeEm) {
            edges++;
            expect(e, `${path.basename(f)}: ${a.text}`).toBeLessThanOrEqual(2 * a.hanEm + 0.002);
          }
        }
      }
    }
    expect(edges).toBeGreaterThan(10);
  });

  it('breaks no line before a closing mark or after an opening one, and leaves no lone last character', () => {
    for (const [f, r] of read) {
      for (const p of r.paragraphs) {
        p.lines.forEach((l, k) => {
          const t = l.text.trim();
          if (k > 0) expect(CLOSING.has([...t][0]!), `${path.basename(f)} starts: ${t}`).toBe(false);
          if (k < p.lines.length - 1) expect(OPENING.has([...t].at(-1)!), `${path.basename(f)} ends: ${t}`).toBe(false);
        });
        if (p.lines.length > 1 && !p.balance) expect(countable(p.lines.at(-1)!.text), `${path.basename(f)}: last line of ${p.text.slice(0, 12)}`).toBeGreaterThan(1);
      }
      expect(r.metrics!.ragged, path.basename(f)).toBe(0);
      expect(r.metrics!.badBreaks, path.basename(f)).toBe(0);
      expect(r.metrics!.loneLastLines, path.basename(f)).toBe(0);
    }
  });

  it('draws —— as one stroke wherever it stands, at a line start too', () => {
    let dashes = 0;
    let atStart = 0;
    for (const r of read.values()) {
      for (const p of r.paragraphs) {
        for (const a of p.audits) {
          for (const g of a.dashGaps) expect(Math.abs(g), a.text).toBeLessThanOrEqual(0.05);
          dashes += a.dashGaps.length;
          if (a.text.startsWith('——')) atStart++;
        }
      }
    }
    expect(dashes).toBeGreaterThan(3);
    expect(atStart).toBeGreaterThan(0);
  });

  it('takes space from marks only as far as needed: never two marks standing alone squeezed to half width on a line', () => {
    for (const [f, r] of read) {
      for (const p of r.paragraphs) {
        for (const a of p.audits) {
          const half = a.marks.filter((m) => m.alone && m.keptEm < 0.7);
          expect(half.length, `${path.basename(f)}: ${a.text} ${JSON.stringify(half)}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('breaks titles at phrases, never inside a bracket, a number or a name', () => {
    for (const [f, r] of read) {
      const title = r.paragraphs.find((p) => p.balance)!;
      const lines = title.lines.map((l) => l.text.trim());
      for (const piece of WHOLE[path.basename(f)] ?? []) expect(lines.some((l) => l.includes(piece)), `${piece} in ${lines.join(' / ')}`).toBe(true);
      for (let k = 0; k + 1 < lines.length; k++) {
        const joint = lines[k]!.slice(-1) + lines[k + 1]![0];
        expect(joint, lines.join(' / ')).not.toMatch(/^\d\d$|^[0-9][%年万亿个]$/);
      }
    }
  });

  it('centres title lines on their ink within 0.5 pt', () => {
    let centred = 0;
    for (const [f, r] of read) {
      const middle = (r.textLeft + r.textRight) / 2;
      for (const p of r.paragraphs) {
        if (p.align !== 'center') continue;
        for (const a of p.audits) {
          centred++;
          expect(Math.abs((a.inkLeft + a.inkRight) / 2 - middle), `${path.basename(f)}: ${a.text}`).toBeLessThanOrEqual(0.5);
        }
      }
    }
    expect(centred).toBeGreaterThan(10);
  });
});

describe('the bulletin’s centred lines (masthead 工作简报（示例）, titles)', () => {
  it('are centred on their ink within 0.5 pt', async () => {
    const r = await readDocument(path.join(ROOT, 'content/bulletins/sample-2021-01.yaml'), 'bulletin', { metrics: false });
    const middle = (r.textLeft + r.textRight) / 2;
    const centred = r.paragraphs.filter((p) => p.align === 'center').flatMap((p) => p.audits);
    expect(centred.map((a) => a.text)).toContain('工作简报（示例）');
    for (const a of centred) expect(Math.abs((a.inkLeft + a.inkRight) / 2 - middle), a.text).toBeLessThanOrEqual(0.5);
  });
});
