// A folder standing in for the system's font folder (JIANBAO_FONT_DIRS), holding faces made for
// the test: a Kai and a FangSong (real Noto outlines under renamed `name` tables), and a .ttc
// whose first face is Japanese and whose second is a 黑体. A project without jianbao.yaml uses
// installed faces: the build picks each by its family name for its role, prints so, and
// `jianbao fonts` shows it. Restricted and no-subsetting faces are refused and embedded whole.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument as PdfLib, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ownFontEnvironment } from './font-env.js';
import { cli, SEED, tempDir } from '../support.js';
import { BASE_FONTS, changeFace, makeFont, readTables, writeCollection } from './make-font.js';
import { baseFonts, fontsOfText } from './pdf-fonts.js';

const root = tempDir('jianbao-installed-');
ownFontEnvironment(root, 'installed');

/** A system font folder with these files, made now. */
function fontFolder(name: string, files: Record<string, Buffer>): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), bytes);
  return dir;
}

/** A user's project: the seed article, the package's templates, no jianbao.yaml (installed faces allowed). */
function project(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
  fs.copyFileSync(SEED, path.join(dir, 'content/articles/seed.yaml'));
  return dir;
}

const kai = (fsType = 0) => makeFont(BASE_FONTS.serifBold, { families: [['楷体', 'zh-CN'], ['KaiTi', 'en-US']], postscript: 'KaiTi', fsType });
const fangsong = (fsType = 0) => makeFont(BASE_FONTS.serif, { families: [['仿宋', 'zh-CN'], ['FangSong', 'en-US']], postscript: 'FangSong', fsType });
const heiCollection = () =>
  writeCollection([
    changeFace(readTables(BASE_FONTS.serif), { families: [['Test Mincho', 'en-US'], ['テスト明朝', 'ja-JP']], postscript: 'TestMincho' }),
    changeFace(readTables(BASE_FONTS.sansBold), { families: [['黑体', 'zh-CN'], ['SimHei', 'en-US']], postscript: 'SimHei' }),
  ]);

const build = (dir: string) => cli(['build', '--format', 'pdf', '--layout', 'report', '--no-preview', '--jobs', '1'], dir);
const seedPdf = (dir: string) => new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/seed/report.pdf')));
const EDITOR_NOTE = '2020年是极不平凡的一年，全市统一战线在市委的坚强领导下';
const BODY = '面对突如其来的新冠肺炎疫情';
const HEADING = '大战大考彰显担当作为';

describe('installed faces, found by the names in their files', () => {
  it('are taken for the roles whose names they answer to, a collection\'s face by name; the build says so', async () => {
    const fonts = fontFolder('system', { 'STKAITI.TTF': kai(), 'a1b2.ttf': fangsong(), 'hei.ttc': heiCollection() });
    process.env.JIANBAO_FONT_DIRS = fonts;
    const dir = project('uses-installed');
    const r = await build(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`body 仿宋 (installed ${path.join(fonts, 'a1b2.ttf')})`);
    expect(r.stdout).toContain(`hei 黑体 (installed ${path.join(fonts, 'hei.ttc')} face 1)`);
    expect(r.stdout).toContain(`kai 楷体 (installed ${path.join(fonts, 'STKAITI.TTF')})`);
    expect(r.stdout).toMatch(/title Noto Serif SC Black \(bundled\)/);
    const pdf = seedPdf(dir);
    expect(baseFonts(pdf)).toEqual(['FangSong', 'KaiTi', 'NotoSerifSC-Black', 'NotoSerifSC-Regular', 'SimHei']);
    expect(await fontsOfText(pdf, EDITOR_NOTE)).toEqual([expect.stringMatching(/\+KaiTi$/)]);
    expect(await fontsOfText(pdf, BODY)).toEqual([expect.stringMatching(/\+FangSong$/)]);
    expect(await fontsOfText(pdf, HEADING)).toEqual([expect.stringMatching(/\+SimHei$/)]);

    const shown = await cli(['fonts', '--layout', 'report'], dir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('fonts setting: installed (JIANBAO_FONTS)');
    expect(shown.stdout).toMatch(/kai\s+楷体 — installed, by the name 楷体\n\s+file: .*STKAITI\.TTF\n\s+embedding: installable \(fsType 0x0000\)\n\s+coverage: all \d+ characters/);
    expect(shown.stdout).toMatch(/hei\s+黑体 — installed, by the name 黑体\n\s+file: .*hei\.ttc, face 1 of a collection/);
    const json = JSON.parse((await cli(['fonts', '--layout', 'report', '--json'], dir)).stdout) as { roles: { role: string; face: { origin: string; index: number; from: string; matchedName: string } }[] };
    expect(json.roles.map((x) => [x.role, x.face.origin, x.face.matchedName, x.face.index])).toEqual([
      ['title', 'bundled', null, 0],
      ['body', 'installed', '仿宋', 0],
      ['hei', 'installed', '黑体', 1],
      ['kai', 'installed', '楷体', 0],
      ['song', 'bundled', null, 0],
    ]);
  });

  it('are left alone when the project pins the bundled faces', async () => {
    process.env.JIANBAO_FONT_DIRS = fontFolder('system-pinned', { 'STKAITI.TTF': kai() });
    const dir = project('pinned');
    fs.writeFileSync(path.join(dir, 'jianbao.yaml'), 'fonts: bundled\n');
    process.env.JIANBAO_FONTS = '';
    try {
      const r = await build(dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('kai 霞鹜文楷 (bundled)');
      expect(baseFonts(seedPdf(dir))).toContain('LXGWWenKai-Regular');
    } finally {
      process.env.JIANBAO_FONTS = 'installed';
    }
  });

  it('refuse a restricted face before anything is written, naming the face and the role', async () => {
    process.env.JIANBAO_FONT_DIRS = fontFolder('system-restricted', { 'kai.ttf': kai(0x0002) });
    const dir = project('restricted');
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[font-embedding\]: font role `kai`: '楷体' \(.*kai\.ttf\) forbids embedding \(fsType restricted licence, 0x0002\)/);
    expect(r.stderr).toMatch(/hint: .*方正's, for one\) is yours to hold/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    const shown = await cli(['fonts', '--layout', 'report'], dir);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toMatch(/kai\s+楷体 — installed, by the name 楷体\n.*\n\s+embedding: restricted: may not be embedded \(fsType 0x0002\)/);
  });

  it('embed a face that may not be subset whole, with a warning', async () => {
    const fonts = fontFolder('system-whole', { 'fs.ttf': fangsong(0x0100) });
    process.env.JIANBAO_FONT_DIRS = fonts;
    const dir = project('whole');
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning\[font-embedding\]: font role `body`: '仿宋' \(.*fs\.ttf\) may not be subset, so every PDF embeds it whole/);
    const pdf = seedPdf(dir);
    const doc = await PdfLib.load(pdf);
    const programs: Buffer[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const ref = obj instanceof PDFDict ? obj.get(PDFName.of('FontFile2')) : undefined;
      const stream = ref ? doc.context.lookup(ref) : undefined;
      if (stream instanceof PDFRawStream) programs.push(Buffer.from(decodePDFRawStream(stream).decode()));
    }
    const whole = fs.readFileSync(path.join(fonts, 'fs.ttf'));
    expect(programs.filter((p) => p.equals(whole))).toHaveLength(1);
    expect(await fontsOfText(pdf, BODY)).toEqual([expect.stringMatching(/\+FangSong$/)]);
  });
});
