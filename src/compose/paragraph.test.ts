import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_WIDTH, GRID_CELL, seedParagraphs, serifRegular } from './fixtures.js';
import { composeDetailed, composeParagraph, type ComposeOptions } from './index.js';
import { countable, drawnWidth, edgeViolations, glyphOrigins, lineText } from './test-util.js';
import { buildModel } from './model.js';
import { fitLine, SHRINK_MAX } from './linebreak.js';
import { compositionOf } from './composition.js';
import { BRACKET, DEEP, PAIR, PAUSE, STOP } from './paragraph-model.js';

const metrics = serifRegular();
const SIZE = 16;
const seed = seedParagraphs();
const grid: ComposeOptions = {
  metrics, size: SIZE, width: BLOCK_WIDTH, firstLineIndent: 2, gridCell: GRID_CELL,
  punctuation: 'quanjiao', align: 'justify',
};
const free: ComposeOptions = { ...grid, gridCell: undefined };
delete free.gridCell;
const modes = [['grid', grid], ['no grid', free]] as const;

describe('seed paragraphs, GB/T 9704 block (16 pt, 442.2 pt)', () => {
  it('uses the seed: 23 paragraphs from 编者按 on (headings included), with ASCII commas', () => {
    expect(seed).toHaveLength(23);
    expect(seed.join('').match(/,/g)).toHaveLength(108);
    expect(seed[0]!.startsWith('编者按:')).toBe(true);
  });

  for (const [name, opts] of modes) {
    describe(name, () => {
      const composed = seed.map((p) => ({ p, ...composeDetailed(p, opts) }));

      it('gives back every character, in order, with nothing inserted', () => {
        for (const { p, lines } of composed) expect(lines.map(lineText).join('')).toBe(p);
      });

      it('starts no line with closing punctuation and ends none with an opening mark', () => {
        for (const { lines } of composed) expect(edgeViolations(lines)).toEqual([]);
      });

      it('ends every justified line on the right edge (±0.01 pt), as pdfkit draws the runs', () => {
        for (const { lines } of composed) {
          for (const [idx, l] of lines.entries()) {
            const w = drawnWidth(l, metrics, SIZE);
            expect(w).toBeCloseTo(l.width, 6);
            // A line starts at its indent; a dash run keeps its place centred in its boxes there too.
            const lead = /^—/.test(lineText(l)) ? l.x - (idx === 0 ? 2 * (opts.gridCell ?? SIZE) : 0) : 0;
            expect(lead).toBeGreaterThanOrEqual(0);
            expect(lead).toBeLessThan(0.25 * SIZE);
            expect(l.x).toBeCloseTo((idx === 0 ? 2 * (opts.gridCell ?? SIZE) : 0) + lead, 9);
            if (!l.last) expect(Math.abs(l.x + w - BLOCK_WIDTH)).toBeLessThanOrEqual(0.01);
            else expect(l.x + w).toBeLessThanOrEqual(BLOCK_WIDTH + 0.01);
          }
        }
      });

      it('ends a justified line with the advance box of its last glyph exactly on the edge', () => {
        for (const { lines } of composed) {
          for (const l of lines) {
            const lastRun = l.runs.at(-1)!;
            // 0 up to the rounding of the spacings (< 0.002 pt), which the last character takes
            if (!l.last && /\p{Script=Han}$/u.test(lastRun.text)) expect(Math.abs(lastRun.characterSpacing)).toBeLessThan(0.002);
          }
        }
      });

      it('leaves no paragraph with a one-character last line (孤字)', () => {
        for (const { lines } of composed) {
          if (lines.length > 1) expect(countable(lineText(lines.at(-1)!))).toBeGreaterThan(1);
        }
      });

      it('spreads at most 0.06 em extra between characters on any line', () => {
        const extra = composed.flatMap(({ details }) => details.filter((d, k) => k < details.length - 1).map((d) => d.extraEm));
        expect(Math.max(...extra)).toBeLessThanOrEqual(0.06);
        // Independent of the details: spacing of a run of Han characters beyond its natural box.
        const box = opts.gridCell ?? SIZE;
        for (const { lines } of composed) {
          for (const l of lines) {
            for (const r of l.runs) {
              if (/^\p{Script=Han}{2,}$/u.test(r.text)) expect(r.characterSpacing - (box - SIZE)).toBeLessThanOrEqual(0.06 * SIZE);
            }
          }
        }
      });
    });
  }

  it('sets full lines of pure Chinese on the grid at exactly 28 characters', () => {
    // Han and single full-width marks take one cell each: such a line holds 28 characters unless
    // it squeezed its marks (a 29th needs ≥ 0.45 em of squeeze on top of the most tightening), or
    // its line-end mark, to hold more. (Lines of cells squeeze their marks by a hair: the last
    // glyph's 16 pt advance sticks 0.2 pt out of its 15.79 pt cell.)
    const pure = /^[\p{Script=Han}，。、；：？！]+$/u;
    let seen = 0;
    for (const p of seed) {
      const { lines, details } = composeDetailed(p, grid);
      lines.forEach((l, idx) => {
        const t = lineText(l);
        const d = details[idx]!;
        if (idx > 0 && !l.last && pure.test(t) && d.squeezeEm < 0.1 && !d.endCompressed) {
          expect([...t]).toHaveLength(28);
          seen++;
        }
        // no two characters closer than a cell less GRID_SHRINK_MAX (a 29th needs 0.036 em)
        const g = glyphOrigins(l, metrics, SIZE);
        for (let k = 0; k + 1 < g.length; k++) {
          if (/^\p{Script=Han}{2}$/u.test(g[k]!.ch + g[k + 1]!.ch)) {
            expect(g[k + 1]!.x - g[k]!.x).toBeGreaterThanOrEqual(GRID_CELL - 0.02 * SIZE - 1e-6);
          }
        }
      });
    }
    expect(seen).toBeGreaterThan(0);
    // A paragraph of nothing but Han: 26 characters after the two-cell indent, then 28 a line.
    const han = '全面加强基层统战规范化建设明确基层统战干部的履职清单确保中央和省委市委关于统一战线的决策部署落实落细落到基层'.repeat(4);
    const lines = composeParagraph(han, grid);
    expect([...lineText(lines[0]!)]).toHaveLength(26);
    for (const l of lines.slice(1, -1)) {
      expect([...lineText(l)]).toHaveLength(28);
      // every character sits on its cell: the only extra is the 0.083 pt the grid leaves over
      for (const r of l.runs.slice(0, -1)) expect(r.characterSpacing - (GRID_CELL - SIZE)).toBeLessThan(0.004);
    }
  });

  it('pulls a character down rather than leave one alone on the last line', () => {
    // 26 + 28 characters fill two grid lines exactly; first-fit would leave 效。 alone.
    const han = '全面加强基层统战规范化建设明确基层统战干部的履职清单确保中央和省委市委关于统一战线的决策部署落实落细落到基层';
    const text = [...han.repeat(2)].slice(0, 54).join('') + '效。';
    const { lines, details } = composeDetailed(text, grid);
    expect(lines).toHaveLength(3);
    expect(countable(lineText(lines.at(-1)!))).toBeGreaterThan(1);
    expect(Math.max(...details.slice(0, -1).map((d) => d.extraEm))).toBeLessThanOrEqual(0.06);
  });

});

describe('punctuation width adjustment', () => {
  const one = (text: string, o: Partial<ComposeOptions> = {}) => {
    const lines = composeParagraph(text, { ...free, width: 2000, firstLineIndent: 0, align: 'left', ...o });
    expect(lines).toHaveLength(1);
    return lines[0]!;
  };
  const csOf = (text: string, ch: string, o: Partial<ComposeOptions> = {}) =>
    glyphOrigins(one(text, o), metrics, SIZE).find((g) => g.ch === ch)!.cs;

  it('sets two adjacent full-width marks in 1.5 em: the closing mark gives up its blank half', () => {
    expect(csOf('种好“责任田”。全面', '”')).toBe(-8);
    expect(csOf('种好“责任田”。全面', '。')).toBe(0);
    expect(one('种好“责任田”。全面').width).toBe(9.5 * SIZE);
    expect(csOf('建设》,特约', '》')).toBe(0); // an ASCII comma is not a full-width mark
    expect(csOf('意见》，特约', '》')).toBe(-8);
  });

  it('squeezes an opening mark from the left, by spacing on the character before it', () => {
    expect(csOf('作用。“十四五”', '。')).toBe(-8);
    expect(csOf('（《规划》）', '（')).toBe(-8);
    expect(one('（《规划》）').width).toBe(5 * SIZE); // 6 marks and characters, 2 pairs squeezed
  });

  it('kaiming keeps 。？！ full width and halves the rest; banjiao halves all', () => {
    expect(csOf('统战，工作。好', '，', { punctuation: 'kaiming' })).toBe(-8);
    expect(csOf('统战，工作。好', '。', { punctuation: 'kaiming' })).toBe(0);
    expect(csOf('统战，工作。好', '。', { punctuation: 'banjiao' })).toBe(-8);
    // a half-width opening mark keeps its ink: the glyph moves left into the previous box
    expect(csOf('开展“同心”活动', '展', { punctuation: 'banjiao' })).toBe(-8);
  });

  it('compresses a line-end mark to half width when that saves a loose or overfull line', () => {
    // 27 characters and a comma fill 28 em; with 27.5 em of room only the squeezed comma fits.
    const text = '一二三四五六七八九十一二三四五六七八九十一二三四五六七，八九';
    const { lines, details } = composeDetailed(text, { ...free, width: 27.5 * SIZE, firstLineIndent: 0 });
    expect(lineText(lines[0]!)).toBe('一二三四五六七八九十一二三四五六七八九十一二三四五六七，');
    expect(details[0]!.endCompressed).toBe(true);
    expect(lines[0]!.runs.at(-1)).toMatchObject({ text: '，', characterSpacing: -8 });
  });

  // A 21 em measure: 9 characters, a comma, 11 characters and a full stop make 22 em, 21.5 with
  // the line-end stop at half width; breaking earlier would leave a 0.05 em loose line and a
  // last line of 九十。
  const tight = '一二三四五六七八九，十一二三四五六七八九十。一二三四五六七八';
  const tightOpts = (o: Partial<ComposeOptions> = {}) => ({ ...free, width: 21 * SIZE, firstLineIndent: 0, ...o });

  it('squeezes a mark inside a tight line rather than set a loose one (clreq 3.1.6), as far as needed', () => {
    const { lines, details } = composeDetailed(tight, tightOpts());
    expect(lineText(lines[0]!)).toBe('一二三四五六七八九，十一二三四五六七八九十。');
    // the line-end stop drops its blank half, the comma gives its ¼ em, the 21 gaps the rest
    expect(details[0]!.endCompressed).toBe(true);
    expect(details[0]!.squeezeEm).toBeCloseTo(0.25, 6);
    expect(details[0]!.extraEm).toBeLessThan(0);
    expect(details[0]!.extraEm).toBeGreaterThan(-0.02);
    const g = glyphOrigins(lines[0]!, metrics, SIZE);
    const comma = g.find((x) => x.ch === '，')!;
    const han = g[0]!.cs;
    expect(comma.cs - han).toBeCloseTo(-0.25 * SIZE, 3);
    expect(drawnWidth(lines[0]!, metrics, SIZE)).toBeCloseTo(21 * SIZE, 2);
  });

  it('squeezes an opening mark from its left, by the spacing of the character before it', () => {
    const { lines } = composeDetailed('一二三四五六七八九“十一”二三四五六七八九十。一二三四五六七八', tightOpts({ width: 22 * SIZE }));
    const g = glyphOrigins(lines[0]!, metrics, SIZE);
    const at = (ch: string) => g.find((x) => x.ch === ch)!.cs;
    // “ gives up a quarter em of its blank left half through the spacing of 九 before it; ” through its own
    expect(at('九') - at('八')).toBeCloseTo(at('”') - at('八'), 3);
    expect(at('九') - at('八')).toBeCloseTo(-0.25 * SIZE, 3);
  });
  it('in kaiming, squeezes the full-width stops only', () => {
    // kaiming's comma is already half width; the line fits without touching the stop
    const { lines } = composeDetailed(tight, tightOpts({ punctuation: 'kaiming' }));
    expect(lines[0]!.runs.find((r) => r.text === '，')!.characterSpacing).toBe(-8);
  });

  it('widens the edges of a number twice as much as the gaps between Han characters (the theme may say otherwise)', () => {
    const { lines, details } = composeDetailed('全年完成投资约1.3亿元同比增长明显其中一二三四五六七八九十', tightOpts());
    const r = details[0]!.extraEm * SIZE;
    expect(r).toBeGreaterThan(0.1);
    const g = glyphOrigins(lines[0]!, metrics, SIZE);
    const cs = (ch: string) => g.find((x) => x.ch === ch)!.cs;
    expect(cs('全')).toBeCloseTo(r, 3);
    expect(cs('约')).toBeCloseTo(2 * r, 3); // 约|1
    expect(cs('3')).toBeCloseTo(2 * r, 3); // 3|亿
    expect(cs('1')).toBe(0); // inside the number
    const even = composeDetailed('全年完成投资约1.3亿元同比增长明显其中一二三四五六七八九十', { ...tightOpts(), composition: { wordEdgeStretch: 1 } });
    const ge = glyphOrigins(even.lines[0]!, metrics, SIZE);
    expect(ge.find((x) => x.ch === '约')!.cs).toBeCloseTo(even.details[0]!.extraEm * SIZE, 3);
  });

  it('adds the optional Han–Latin gap on both sides of a number', () => {
    expect(csOf('约1.3亿元', '约', { latinGap: 0.25 })).toBe(4);
    expect(csOf('约1.3亿元', '3', { latinGap: 0.25 })).toBe(4);
    expect(csOf('约1.3亿元', '约')).toBe(0);
  });

  it('joins `——` into one unbroken stroke, centred in two em', () => {
    const g = glyphOrigins(one('新时代——常州'), metrics, SIZE);
    const [l, r] = metrics.ink!(0x2014)!;
    const d1 = g[3]!, d2 = g[4]!;
    expect(d2.x - d1.x).toBeCloseTo((r - l) * SIZE, 6); // ink meets ink
    const left = d1.x + l * SIZE - 3 * SIZE;
    const right = 5 * SIZE - (d2.x + r * SIZE);
    expect(left).toBeCloseTo(right, 6);
    expect(g[5]!.x).toBeCloseTo(5 * SIZE, 6); // 常 starts after exactly two em
  });

  it('on the grid, marks take one cell and `——` two', () => {
    const l = one('新时代——常州。', { gridCell: GRID_CELL });
    // seven cells, then the last glyph's full advance (its box, not the 0.2 pt narrower cell)
    expect(l.width).toBeCloseTo(7 * GRID_CELL + SIZE, 6);
    expect(glyphOrigins(l, metrics, SIZE)[5]!.x).toBeCloseTo(5 * GRID_CELL, 6);
  });
});

describe('alignment', () => {
  it('centres and right-aligns by x, without spacing', () => {
    const c = composeParagraph('简报', { ...free, align: 'center', firstLineIndent: 0, width: 100, composition: { centreByInk: false } })[0]!;
    expect(c.x).toBeCloseTo(34, 6);
    expect(c.runs).toEqual([{ text: '简报', characterSpacing: 0, width: 32 }]);
    const r = composeParagraph('简报', { ...free, align: 'right', firstLineIndent: 0, width: 100 })[0]!;
    expect(r.x).toBeCloseTo(68, 6);
  });

  it('returns no lines for an empty paragraph', () => {
    expect(composeParagraph('', grid)).toEqual([]);
  });
});

// --- generated punctuation-rich text ---------------------------------------------------------
const hanWord = fc.constantFrom('统战', '工作', '民营经济', '常州', '新时代', '高质量发展', '党外知识分子', '的', '和', '建设');
// Numbers and Latin words come after a Han character, so that two of them never run together
// into one word longer than a line (which could only be broken by force).
const number = fc.constantFrom('1.3亿元', '98.7%', '2020-2035年', '22447名', '25个', '100万元', '2021年', '3项').map((s) => '约' + s);
const latin = fc.constantFrom('PDF', 'pdf.js', 'Typst', 'XeLaTeX', 'GB/T 9704', 'OK').map((s) => '用' + s);
const quoted = fc.tuple(fc.constantFrom('“', '‘', '《', '（', '(', '「'), fc.array(fc.oneof(hanWord, number), { minLength: 1, maxLength: 3 }))
  .map(([o, body]) => o + body.join('') + ({ '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '「': '」' } as Record<string, string>)[o]);
const punct = fc.constantFrom('，', '。', '、', '；', '：', '？', '！', ',', ':', '!', '……', '——', '”。', '》，', '。”', ' ');
const clause = fc.tuple(fc.array(fc.oneof(hanWord, hanWord, number, latin, quoted), { minLength: 1, maxLength: 5 }), fc.option(punct, { nil: '' }))
  .map(([parts, p]) => parts.join('') + p);
const paragraph = fc.array(clause, { minLength: 1, maxLength: 25 }).map((cs) => cs.join('').trim());

describe('generated mix (numbers, quotes, 《书名》, ……, ——, Latin words)', () => {
  const fixed = '他说：“2020年——不平凡的一年……”随后用pdf.js和XeLaTeX测试了《简报排版规范(试行)》,结果达98.7%。在“1+6+N”体系中，GB/T 9704规定了版心156×225 mm。';
  for (const [name, opts] of modes) {
    it(`keeps the rules on a fixed mix (${name})`, () => {
      for (const width of [200, 300, 442.2]) {
        const lines = composeParagraph(fixed.repeat(3), { ...opts, width });
        expect(lines.map(lineText).join('')).toBe(fixed.repeat(3));
        expect(edgeViolations(lines)).toEqual([]);
      }
    });
  }

  it('holds the rules for random punctuation-rich paragraphs', () => {
    fc.assert(
      fc.property(
        paragraph,
        fc.integer({ min: 200, max: 500 }),
        fc.constantFrom(12, 14, 16),
        fc.boolean(),
        fc.constantFrom('quanjiao', 'kaiming', 'banjiao'),
        fc.constantFrom('justify', 'left'),
        (text, width, size, onGrid, punctuation, align) => {
          const opts: ComposeOptions = {
            metrics, size, width, firstLineIndent: 2, punctuation, align,
            ...(onGrid ? { gridCell: size * 0.987 } : {}),
          };
          const lines = composeParagraph(text, opts);
          expect(lines.map(lineText).join('')).toBe(text);
          expect(edgeViolations(lines)).toEqual([]);
          for (const l of lines) {
            const w = drawnWidth(l, metrics, size);
            expect(w).toBeCloseTo(l.width, 5);
            if (align === 'justify' && !l.last) expect(Math.abs(l.x + w - width)).toBeLessThanOrEqual(0.01);
            else expect(l.x + w).toBeLessThanOrEqual(width + 0.01);
          }
          if (lines.length > 1) expect(countable(lineText(lines.at(-1)!))).toBeGreaterThan(1);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});

describe('robustness', () => {
  it('never loses or reorders text, whatever the input and however narrow the measure', () => {
    const pool = fc.constantFrom(...'中文，。、“”《》（）——……·abc123.,:;!?()% \u00a0\u0301𠀀');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: pool, maxLength: 150 }), fc.string({ unit: 'binary', maxLength: 80 })),
        fc.double({ min: 5, max: 500, noNaN: true }),
        fc.boolean(),
        fc.constantFrom('justify', 'left', 'center', 'right'),
        (text, width, onGrid, align) => {
          const opts: ComposeOptions = {
            metrics, size: 16, width, firstLineIndent: 2, punctuation: 'quanjiao', align,
            ...(onGrid ? { gridCell: GRID_CELL } : {}),
          };
          const lines = composeParagraph(text, opts);
          expect(lines.map(lineText).join('')).toBe(text);
          for (const l of lines) {
            expect(l.runs.length).toBeGreaterThan(0);
            expect(Number.isFinite(l.width) && Number.isFinite(l.x)).toBe(true);
            for (const r of l.runs) expect(Number.isFinite(r.characterSpacing)).toBe(true);
          }
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});

describe('—— wherever a line breaks', () => {
  it('is one stroke: the second dash starts where the first one’s ink ends, at a line start as mid-line', () => {
    const ink = metrics.ink!('—'.codePointAt(0)!)!;
    let starts = 0;
    for (let shift = 0; shift < 28; shift++) {
      const text = '统'.repeat(shift) + '会议强调——这是一句话，反复强调的一句话。'.repeat(3);
      const { lines } = composeDetailed(text, { metrics, size: SIZE, width: BLOCK_WIDTH, firstLineIndent: 2, gridCell: GRID_CELL, punctuation: 'quanjiao', align: 'justify' });
      for (const l of lines) {
        const g = glyphOrigins(l, metrics, SIZE);
        if (g[0]?.ch === '—') starts++;
        for (let k = 0; k + 1 < g.length; k++) {
          if (g[k]!.ch === '—' && g[k + 1]!.ch === '—') expect(g[k + 1]!.x - g[k]!.x).toBeCloseTo((ink[1] - ink[0]) * SIZE, 6);
        }
      }
    }
    expect(starts, 'lines starting with ——').toBeGreaterThan(0);
  });
});

describe('a centred line', () => {
  it('is centred on its ink: a closing bracket’s blank half at the end does not pull it left', () => {
    for (const text of ['工作简报（示例）', '（试行）通知', '“一网通办”', '关于做好基层信息报送工作']) {
      const [l] = composeParagraph(text, { metrics, size: 22, width: BLOCK_WIDTH, firstLineIndent: 0, punctuation: 'quanjiao', align: 'center' });
      const g = glyphOrigins(l!, metrics, 22);
      const first = metrics.ink!(g[0]!.ch.codePointAt(0)!)!;
      const last = metrics.ink!(g.at(-1)!.ch.codePointAt(0)!)!;
      const left = l!.x + g[0]!.x + first[0] * 22;
      const right = l!.x + g.at(-1)!.x + last[1] * 22;
      expect((left + right) / 2, text).toBeCloseTo(BLOCK_WIDTH / 2, 6);
    }
  });

  it('is centred on its advance boxes when the theme says so', () => {
    const [l] = composeParagraph('工作简报（示例）', { metrics, size: 22, width: BLOCK_WIDTH, firstLineIndent: 0, punctuation: 'quanjiao', align: 'center', composition: { centreByInk: false } });
    expect(l!.x + l!.width / 2).toBeCloseTo(BLOCK_WIDTH / 2, 6);
  });
});

describe('what a tight line gives up, in clreq’s order (§6.2.2.3)', () => {
  /** The fit of the whole text as one line `em` em wide (no indent), on the grid off. */
  const fitOf = (text: string, em: number, composition = {}) => {
    const m = buildModel(text, metrics, { size: SIZE, punctuation: 'quanjiao', latinGap: 0, composition: compositionOf(composition) });
    const f = fitLine(m, 0, m.n, { width: em * SIZE + 1e-6, indent: 0, justify: true, shrinkMax: SHRINK_MAX });
    return { cost: f.cost, gaps: f.gaps, endCut: f.endCut / SIZE, r: f.r / SIZE, pair: f.t[PAIR]!, bracket: f.t[BRACKET]!, pause: f.t[PAUSE]!, stop: f.t[STOP]!, deep: f.t[DEEP]! };
  };
  // 20 characters; marks: a pause ，, a pair ”。 (1.5 em), a bracket （…）, a stop 。, and a line-end comma.
  const text = '一二三，四五“六七”。八九（十）一二。三四五六七八九十，';
  const natural = 20 + 1 + 1.5 + 1 + 2 + 1 + 1; // Han, ，, “…”。 (the pair 1.5), （）, 。, the line-end ，

  it('first the line-end mark, only as much as needed', () => {
    const f = fitOf(text, natural - 0.2);
    expect(f.endCut).toBeCloseTo(0.2, 6);
    expect([f.pair, f.bracket, f.pause, f.stop, f.deep, f.r]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('then the blank half left in a pair of marks (”。 to 1 em), before any mark standing alone', () => {
    const f = fitOf(text, natural - 0.7);
    expect(f.endCut).toBeCloseTo(0.5, 6);
    expect(f.pair).toBeCloseTo(0.4, 6); // 0.2 of its 0.5 em
    expect([f.bracket, f.pause, f.stop, f.r]).toEqual([0, 0, 0, 0]);
  });

  it('then brackets and quotes standing alone, then ，、；：, each by the same share and at most ¼ em', () => {
    const b = fitOf(text, natural - 1.2);
    expect(b.pair).toBeCloseTo(1, 6);
    expect(b.bracket).toBeCloseTo(0.2 / 0.75, 6); // “ ） and （ (its left blank) share 0.2 em of 3 × ¼
    expect(b.pause).toBe(0);
    const p = fitOf(text, natural - 1.85);
    expect(p.bracket).toBeCloseTo(1, 6);
    expect(p.pause).toBeCloseTo(0.1 / 0.25, 6);
    expect([p.stop, p.deep, p.r]).toEqual([0, 0, 0]);
  });

  it('then every gap, then 。？！ standing alone, and only as a last resort a mark beyond ¼ em', () => {
    const g = fitOf(text, natural - 2.1);
    expect(g.pause).toBeCloseTo(1, 6);
    expect(g.r).toBeCloseTo(-0.1 / g.gaps, 6); // the gaps share the 0.1 em still missing
    expect(g.stop).toBe(0);
    const deep = fitOf(text, natural - 3.0);
    expect(deep.r).toBeCloseTo(-SHRINK_MAX, 6);
    expect(deep.stop).toBeCloseTo(1, 6);
    expect(deep.deep).toBeGreaterThan(0);
    expect(fitOf(text, natural - 4.5).cost).toBe(Infinity);
  });

  it('squeezes a mark standing alone to half width only at a high cost, and freely where the theme allows it', () => {
    // Two pauses both at half width cost more than a line 0.06 em loose would; one costs less.
    const two = fitOf('一二三四五，六七八九十，一二三四五六七八九', 20.5 - 0.5 - 0.6);
    expect(two.deep).toBeGreaterThan(0);
    const loose = (1 + 100 * (0.06 / 0.05) ** 2) ** 2;
    expect(fitOf('一二三四五，六七八九十，一二三四五六七八九', 21 - 1).cost).toBeGreaterThan(loose);
    const half = fitOf('一二三四五，六七八九十，一二三四五六七八九', 21 - 1, { markSqueeze: 0.5 });
    expect(half.pause).toBeCloseTo(1, 6);
    expect(half.deep).toBe(0);
  });
});
