import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { DiagnosticError } from '../../src/diagnostics/index.js';
import type { Doc } from '../../src/ir/index.js';
import { inspectImage } from '../../src/images/image-header.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { compileTemplate } from '../../src/templates/render-template.js';
import { docxPlainText, pdfPlainText, verifyDocx, verifyPdf } from '../../src/verify/index.js';
import { textUnits, unitText } from '../../src/verify/ir-text.js';
import { ROOT, SEED, tempDir } from '../support.js';
import { png } from './images.js';
import { layOut } from './project.js';

/** Text that would be code or markup if anything between the YAML and the outputs evaluated it. */
const HOSTILE = [
  '{{article.title}}',
  '{{constructor.constructor "globalThis.__jianbaoPwned = 1; return 1"}}',
  '{{#each this}}x{{/each}}',
  '<p style="title">注入的标题</p>',
  '</p></doc><doc title="x">',
  ']]>',
  '<![CDATA[ x ]]>',
  '<!-- 注释 -->',
  '<!DOCTYPE doc [<!ENTITY x "展开">]>&x;',
  '&amp; & &lt; < > " \' `',
  '{{> blocks}}',
  '__proto__ constructor prototype',
];

describe('nothing gets in: content is data', () => {
  let dir: string;
  let out: string;
  let doc: Doc;
  let pdf: Uint8Array;
  let docx: Uint8Array;

  beforeAll(async () => {
    dir = tempDir('jianbao-inject-');
    const file = path.join(dir, 'content/articles/hostile.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content/articles/figure.png'), png(40, 20));
    const data = {
      title: `标题${HOSTILE[0]}`,
      column: HOSTILE[3],
      date: '2021-03-04',
      source: HOSTILE[9],
      editorNote: HOSTILE[1],
      body: [
        ...HOSTILE.map((h, i) => `第${i + 1}段：${h}`),
        { heading: HOSTILE[4], body: [HOSTILE[5], { list: [HOSTILE[6], HOSTILE[7]] }] },
        { table: { caption: HOSTILE[8], header: [HOSTILE[10], '列'], rows: [[HOSTILE[11], HOSTILE[2]]] } },
        { image: { src: 'figure.png', caption: HOSTILE[1] } },
      ],
    };
    fs.writeFileSync(file, stringify(data));
    out = path.join(dir, 'out');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await build({ paths: projectPaths(dir), inputs: [file], jobs: 1, previews: false } as Parameters<typeof build>[0]);
      doc = layOut(dir, file);
    } finally {
      process.chdir(cwd);
    }
    pdf = new Uint8Array(fs.readFileSync(path.join(out, 'articles/hostile/report.pdf')));
    docx = new Uint8Array(fs.readFileSync(path.join(out, 'articles/hostile/report.docx')));
  });

  it('runs nothing', () => {
    expect((globalThis as Record<string, unknown>).__jianbaoPwned).toBeUndefined();
  });

  it('keeps every hostile string as one literal text in the document, adding no element', () => {
    const texts = textUnits(doc).map(unitText);
    for (const h of HOSTILE) expect(texts.some((t) => t.includes(h)), h).toBe(true);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    expect(doc.meta.title).toBe(`标题${HOSTILE[0]}`);
  });

  it('prints every hostile string literally in the PDF and the DOCX', async () => {
    expect(await verifyPdf(doc, pdf)).toEqual([]);
    expect(verifyDocx(doc, docx)).toEqual([]);
    const pdfText = await pdfPlainText(pdf);
    const docxText = docxPlainText(docx);
    for (const h of HOSTILE) {
      const squashed = h.replace(/\s+/g, '');
      expect(pdfText, h).toContain(squashed);
      expect(docxText, h).toContain(squashed);
    }
  });
});

describe('nothing gets in: templates', () => {
  it('loads templates only by name from the templates folder', () => {
    const templates = path.join(ROOT, 'templates');
    for (const name of ['../content/articles/x', 'report/../report', '/etc/passwd', 'Report', '.hidden', '']) {
      expect(() => compileTemplate(templates, name), name).toThrow(DiagnosticError);
    }
  });

  it('refuses a template or partial that links outside the templates folder', () => {
    const dir = tempDir('jianbao-tpl-');
    const templates = path.join(dir, 'templates');
    fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    const outside = path.join(dir, 'elsewhere.hbs');
    fs.writeFileSync(outside, '<doc title="x" date="2021-03-04"></doc>');
    fs.rmSync(path.join(templates, 'report.hbs'));
    fs.symlinkSync(outside, path.join(templates, 'report.hbs'));
    const error = catchDiagnostics(() => compileTemplate(templates, 'report'));
    expect(error.map((d) => d.rule)).toEqual(['template-path']);
    expect(error[0]!.message).toContain('links outside the templates folder');

    fs.rmSync(path.join(templates, 'report.hbs'));
    fs.cpSync(path.join(ROOT, 'templates/report.hbs'), path.join(templates, 'report.hbs'));
    fs.symlinkSync(outside, path.join(templates, 'partials/extra.hbs'));
    expect(catchDiagnostics(() => compileTemplate(templates, 'report')).map((d) => d.rule)).toEqual(['template-path']);
  });

  it("keeps Handlebars' prototype protections on at run time", () => {
    const dir = tempDir('jianbao-tpl-');
    const templates = path.join(dir, 'templates');
    fs.mkdirSync(templates);
    // `lookup` with a name from the data, which no lint can see: the runtime still refuses it.
    fs.writeFileSync(path.join(templates, 'probe.hbs'), '[{{lookup article article.key}}][{{#with article}}{{lookup this key}}{{/with}}]');
    const t = compileTemplate(templates, 'probe');
    expect(t.render({ article: { key: 'constructor' } })).toBe('[][]');
    expect(t.render({ article: { key: '__proto__' } })).toBe('[][]');
  });

  it('gives helpers data only', () => {
    const dir = tempDir('jianbao-tpl-');
    const templates = path.join(dir, 'templates');
    fs.mkdirSync(templates);
    fs.writeFileSync(path.join(templates, 'probe.hbs'), '{{join article.list "、"}}|{{cnNumber article.n}}');
    const t = compileTemplate(templates, 'probe');
    expect(t.render({ article: { list: ['甲', '乙'], n: 12 } })).toBe('甲、乙|十二');
    const error = catchDiagnostics(() => t.render({ article: { list: [() => 1], n: 1 } }));
    expect(error[0]).toMatchObject({ rule: 'template', pos: { line: 1, column: 1 } });
    expect(error[0]!.message).toContain('takes text, numbers and lists, not a function');
  });
});

describe('nothing gets in: files', () => {
  it("limits pdfmake to the document's folders and turns URLs off", async () => {
    const doc = layOut(ROOT, SEED);
    const inside = tempDir('jianbao-allowed-');
    const outside = tempDir('jianbao-outside-');
    fs.writeFileSync(path.join(outside, 'x.png'), png(4, 4));
    fs.writeFileSync(path.join(inside, 'x.png'), png(4, 4));
    const withImage = (p: string): Doc => ({ ...doc, blocks: [{ kind: 'image', path: p, width: 0.5 }] });
    for (const p of [path.join(outside, 'x.png'), path.join(inside, '..', path.basename(outside), 'x.png'), 'https://example.com/x.png', 'file:///etc/hostname']) {
      await expect(renderPdf(withImage(p), { readableRoots: [inside] }), p).rejects.toThrow(/denied|access/i);
    }
    const ok = await renderPdf(withImage(path.join(inside, 'x.png')), { readableRoots: [inside] });
    expect(Buffer.from(ok.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('reads image headers only: real PNGs and JPEGs pass, the limits hold', () => {
    const dir = tempDir('jianbao-img-');
    const ok = path.join(dir, 'ok.png');
    fs.writeFileSync(ok, png(300, 200));
    expect(inspectImage(ok)).toEqual({ ok: true, type: 'png', width: 300, height: 200, bytes: fs.statSync(ok).size });
    const npmPng = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/font-family.png');
    if (fs.existsSync(npmPng)) expect(inspectImage(npmPng)).toMatchObject({ ok: true, type: 'png' });
    expect(inspectImage(ok, { maxBytes: 1e9, maxSide: 299, maxPixels: 1e9 })).toMatchObject({ ok: false, rule: 'image-too-large' });
    expect(inspectImage(ok, { maxBytes: 1e9, maxSide: 1e4, maxPixels: 59_999 })).toMatchObject({ ok: false, rule: 'image-too-large' });
    expect(inspectImage(ok, { maxBytes: 10, maxSide: 1e4, maxPixels: 1e9 })).toMatchObject({ ok: false, rule: 'image-too-large' });
    // 20000 × 20000 would take 1.6 GB decoded: it is refused from its header, never decoded.
    const huge = path.join(dir, 'huge.png');
    fs.writeFileSync(huge, png(20000, 20000, Buffer.alloc(64)));
    expect(inspectImage(huge)).toMatchObject({ ok: false, rule: 'image-too-large' });
    // A minimal JPEG header (SOI, APP0 JFIF, SOF0 640×480, EOI): embedded as is, never decoded.
    const jpg = path.join(dir, 'a.jpg');
    fs.writeFileSync(jpg, Buffer.from('ffd8' + 'ffe000104a46494600010100000100010000' + 'ffc0000b0801e0028001011100' + 'ffd9', 'hex'));
    expect(inspectImage(jpg)).toMatchObject({ ok: true, type: 'jpg', width: 640, height: 480 });
  });
});

function catchDiagnostics(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}
