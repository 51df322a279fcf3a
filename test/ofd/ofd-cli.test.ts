import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, makeProject, readManifest } from '../pipeline/project.js';
import { cli } from '../support.js';
import { readOfd } from './read-ofd.js';

const outputs = (dir: string) => readManifest(path.join(dir, 'out')).outputs.map((o) => o.path).sort();

describe('jianbao build and OFD', () => {
  it('writes OFD when asked (--format), lists it with its page count, and reads it back with --verify', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const r = await cli(['build', '--format', 'pdf,ofd', '--verify', '--no-preview', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(outputs(dir)).toEqual(['articles/a/report.ofd', 'articles/a/report.pdf']);
    const manifest = readManifest(path.join(dir, 'out'));
    const [ofd, pdf] = ['ofd', 'pdf'].map((f) => manifest.outputs.find((o) => o.format === f)!);
    expect(ofd!.pages).toBe(pdf!.pages);
    const read = readOfd(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.ofd'))));
    expect(read.pages.flatMap((p) => p.codes.map((c) => c.text)).join('')).toContain('甲文的正文第一段');
  });

  it('leaves OFD out of a build that names no formats', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    expect((await cli(['build', '--no-preview', '--quiet'], dir)).code).toBe(0);
    expect(outputs(dir)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf']);
  });

  it('builds the formats a layout lists (`formats:` in its theme) when the build names none', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const theme = path.join(dir, 'templates/report.theme.yaml');
    fs.writeFileSync(theme, fs.readFileSync(theme, 'utf8').replace(/^layout: \{ (.*) \}$/m, 'layout: { $1, formats: [pdf, docx, ofd] }'));
    expect((await cli(['build', '--no-preview', '--quiet'], dir)).code).toBe(0);
    expect(outputs(dir)).toEqual(['articles/a/report.docx', 'articles/a/report.ofd', 'articles/a/report.pdf']);
  });

  it('refuses a layout that lists a format there is none of', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const theme = path.join(dir, 'templates/report.theme.yaml');
    fs.writeFileSync(theme, fs.readFileSync(theme, 'utf8').replace(/^layout: \{ (.*) \}$/m, 'layout: { $1, formats: [pdf, odf] }'));
    const r = await cli(['build', '--no-preview'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[format]: layout `report` lists an unknown format `odf`');
    expect(r.stderr).toContain('formats: pdf, docx, ofd');
  });
});
