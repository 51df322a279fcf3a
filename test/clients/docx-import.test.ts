import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocx, importFile } from '../../src/import/readers/index.js';
import { diffArticles } from '../../src/import/into/article-diff.js';
import { knownImages } from '../../src/import/docx/known-images.js';
import { mergeIntoYaml } from '../../src/import/into/merge.js';
import { buildProject, richProject } from '../docx/fixture.js';
import { buildInto, ROOT, SEED, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

/** Converts files with LibreOffice headless into `format` (e.g. `docx:MS Word 2007 XML`), in its own profile. */
function convert(files: string[], format: string, outDir: string, infilter?: string): void {
  const soffice = requireClient('soffice', 'libreoffice-writer-nogui');
  run(soffice, [`-env:UserInstallation=file://${path.join(outDir, 'profile')}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', format, '--outdir', outDir, ...files], { timeout: 170_000 });
}

describe('jianbao import of Word documents LibreOffice wrote', () => {
  it('reads a .docx LibreOffice made from the seed’s plain text as the text importer reads the text', async () => {
    const dir = tempDir('jianbao-lo-txt-');
    const txt = path.join(dir, 'seed.txt');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/import/000_92ff920bbef54819.txt'), txt);
    convert([txt], 'docx:MS Word 2007 XML', path.join(dir, 'out'), 'Text (encoded):UTF8,LF,,,');
    const docx = new Uint8Array(fs.readFileSync(path.join(dir, 'out/seed.docx')));
    const fromDocx = importDocx(docx, 'seed.docx');
    const fromText = await importFile(txt, { displayName: 'seed.txt' });
    expect(fromDocx.article).toEqual(fromText.article);
    // Which is the seed's content file: the same title, column, fields, sections and paragraphs.
    expect(fromDocx.yaml.split('\n').slice(1).join('\n')).toBe(fs.readFileSync(SEED, 'utf8').split('\n').slice(1).join('\n'));
    expect(fromDocx.diagnostics.map((d) => d.rule)).toContain('unstyled');
  });

  it('reads back jianbao drafts LibreOffice opened and saved again as .docx, into their files without a change', async () => {
    const rich = richProject();
    const drafts = tempDir('jianbao-lo-resave-');
    const seedDocx = path.join(drafts, 'seed.docx');
    const richDocx = path.join(drafts, 'rich.docx');
    fs.writeFileSync(seedDocx, (await buildInto([SEED], { formats: ['docx'] })).read('articles/changzhou-united-front-2020/report.docx'));
    fs.writeFileSync(richDocx, (await buildProject(rich.dir, [rich.file], { formats: ['docx'] })).read('articles/rich/report.docx'));
    const out = path.join(drafts, 'saved');
    convert([seedDocx, richDocx], 'docx:MS Word 2007 XML', out);

    for (const [docx, file] of [
      [path.join(out, 'seed.docx'), SEED],
      [path.join(out, 'rich.docx'), rich.file],
    ] as const) {
      const before = fs.readFileSync(file, 'utf8');
      const folder = path.dirname(file);
      const r = importDocx(new Uint8Array(fs.readFileSync(docx)), path.basename(docx), { images: { folder, stem: 'x', known: knownImages(before, folder) } });
      const merged = mergeIntoYaml(before, r.article, path.basename(file));
      expect(diffArticles(merged.before, merged.after).lines, docx).toEqual([]);
      expect(merged.yaml, docx).toBe(before);
      expect(r.diagnostics.filter((d) => d.severity === 'warning' && d.rule !== 'range'), docx).toEqual([]);
    }
  });
});
