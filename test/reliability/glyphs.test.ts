import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { checkGlyphs, splitByFace } from '../../src/glyphs/index.js';
import type { Doc } from '../../src/ir/index.js';
import { textUnits, unitText } from '../../src/verify/ir-text.js';
import { ROOT, SEED } from '../support.js';
import { article, articleProject, layOut } from './project.js';

const require = createRequire(import.meta.url);
/** Noto Sans SC has these Extension B characters; Noto Serif SC (body) does not. */
const SANS_ONLY = '\u{25AD7}';
const SANS_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

describe('glyph coverage before rendering', () => {
  it('finds every character of the seed in its fonts', () => {
    const doc = layOut(ROOT, SEED);
    expect(checkGlyphs(doc)).toEqual([]);
    const chars = textUnits(doc).map(unitText).join('').length;
    expect(chars).toBeGreaterThan(2900);
  });

  it("reports '𠀀' (U+20000) at its own line and column, naming the face and role, with a hint", () => {
    const { dir, file } = articleProject(article('  - 第一段。\n  - 常州市𠀀字号企业，又见𠀀。\n'));
    const ds = checkGlyphs(layOut(dir, file));
    expect(ds).toHaveLength(1);
    const text = formatDiagnostic(ds[0]!);
    expect(text).toMatch(new RegExp(`^${escape(path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file))}:5:8: error\\[missing-glyph\\]: '𠀀' \\(U\\+20000\\) is not in 'Noto Serif SC' \\(body\\)$`, 'm'));
    expect(text).toContain('add a font that has it to fonts/');
    expect(text).toContain('`fonts.body.fallback`');
  });

  it('checks a heading against the heading role (黑体: Noto Sans SC)', () => {
    const { dir, file } = articleProject(article('  - heading: 新鿰时代\n    body: [段落]\n'));
    const ds = checkGlyphs(layOut(dir, file));
    expect(ds.map((d) => [d.rule, d.message, d.pos?.line, d.pos?.column])).toEqual([['missing-glyph', "'鿰' (U+9FF0) is not in 'Noto Sans SC' (hei)", 4, 15]]);
  });

  it('reports each missing character once per paragraph, and each paragraph where it is', () => {
    const { dir, file } = articleProject(article(`  - 甲${SANS_ONLY}乙${SANS_ONLY}丙\n  - 丁${SANS_ONLY}\n`));
    const ds = checkGlyphs(layOut(dir, file));
    expect(ds.map((d) => `${d.pos?.line}:${d.pos?.column}`)).toEqual(['4:6', '5:6']);
  });

  it('accepts a character a fallback of the role has, and splits the text into runs by face', () => {
    const { dir, file } = articleProject(article(`  - 甲${SANS_ONLY}乙 丙\n`));
    const doc = layOut(dir, file);
    expect(checkGlyphs(doc)).toHaveLength(1);
    const withFallback: Doc = { ...doc, fonts: { ...doc.fonts, body: { ...doc.fonts.body!, fallbacks: [SANS_BOLD] } } };
    expect(checkGlyphs(withFallback)).toEqual([]);
    const body = withFallback.fonts.body!;
    expect(splitByFace(`甲${SANS_ONLY}乙 丙`, body)).toEqual([
      { text: '甲', index: 0, file: body.file },
      { text: SANS_ONLY, index: 1, file: SANS_BOLD },
      { text: '乙 丙', index: 0, file: body.file },
    ]);
    // A variation selector stays with its base character; a character no face has stays in the main face.
    expect(splitByFace(`${SANS_ONLY}\uFE00𠀀`, body).map((r) => [r.text, r.index])).toEqual([
      [`${SANS_ONLY}\uFE00`, 1],
      ['𠀀', 0],
    ]);
    expect(splitByFace('', body)).toEqual([]);
  });

  it('checks combining marks, which need glyphs of their own', () => {
    const { dir, file } = articleProject(article('  - "\\u0443\\u0306 与 e\\u0301"\n'));
    const ds = checkGlyphs(layOut(dir, file));
    expect(ds.map((d) => d.message)).toContain("'\u0306' (U+0306) is not in 'Noto Serif SC' (body)");
  });

  it('checks the page number, header line and watermark of the layout too', () => {
    const doc = layOut(ROOT, SEED, true);
    expect(checkGlyphs(doc)).toEqual([]);
    const { header, watermark } = doc.furniture;
    const odd: Doc = { ...doc, furniture: { ...doc.furniture, header: { ...header!, text: '草稿鿰' }, watermark: { ...watermark!, text: '草稿鿰' } } };
    const ds = checkGlyphs(odd);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.pos).toBeUndefined();
    expect(ds[0]!.hints!.join()).toContain('comes from the layout');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
