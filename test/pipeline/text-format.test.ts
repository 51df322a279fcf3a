import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/index.js';
import type { Doc } from '../../src/ir/index.js';
import { rendererVersion } from '../../src/outputs/build-key.js';
import { build } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { registerFormat, type OutputFormat } from '../../src/render/registry.js';
import { textUnits, unitText, verifyText } from '../../src/verify/index.js';
import { cli } from '../support.js';
import { article, makeProject, readManifest } from './project.js';

/**
 * A format that exists only in this test: plain text, one line per paragraph, heading, cell or
 * item, a form feed at each page break. It is defined here and registered, and nothing else in
 * src/ is touched: the build, the manifest, --verify, the release and the index handle it.
 */
const writeText = async (doc: Doc): Promise<Uint8Array> => new TextEncoder().encode(textUnits(doc).map(unitText).join('\n') + '\n');

function textFormat(name: string, writer = writeText): OutputFormat {
  return {
    name,
    extension: 'txt',
    label: 'Plain text',
    load: async () => writer,
    verify: async () => async (doc, bytes, options) => verifyText(doc, new TextDecoder().decode(bytes), 'text', options),
    pageCount: async () => (bytes) => 1 + [...new TextDecoder().decode(bytes)].filter((c) => c === '\f').length,
    libraries: ['yaml'],
  };
}

describe('a format added by one registration (plain text, defined in this test)', () => {
  let unregister: () => void;
  beforeAll(() => {
    unregister = registerFormat(textFormat('text'));
  });
  afterAll(() => unregister());

  it('is built beside PDF and DOCX, listed in the manifest, read back by --verify, released and indexed', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文'), 'b.yaml': article('乙文') });
    const paths = projectPaths(dir, path.join(dir, 'out'));
    // Two render workers: they know only the built-in formats, so this one renders in this thread.
    const result = await build({ paths, inputs: [], formats: ['pdf', 'docx', 'text'], verify: true, release: 'v1', previews: false, jobs: 2, force: true });
    const out = paths.outDir;

    const text = fs.readFileSync(path.join(out, 'articles/a/report.txt'), 'utf8');
    expect(text).toContain('甲文的正文第一段，用于测试构建。');
    expect(text.split('\n')).toContain('甲文');

    const entry = readManifest(out).outputs.find((o) => o.path === 'articles/a/report.txt');
    expect(entry).toMatchObject({ format: 'text', layout: 'report', pages: 1, bytes: Buffer.byteLength(text) });
    expect(entry!.key).toMatch(/^[0-9a-f]{64}$/);
    expect(result.outputs.map((o) => o.path).filter((p) => p.endsWith('.txt'))).toEqual(['articles/a/report.txt', 'articles/b/report.txt']);
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain(`${entry!.sha256}  articles/a/report.txt`);
    // Its library's version is in every build key's recipe.
    expect(rendererVersion()).toHaveProperty('yaml');

    expect(fs.existsSync(path.join(out, 'release/a.report.txt'))).toBe(true);
    const archive = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, 'release/v1.zip'))));
    expect(strFromU8(archive['v1/articles/b/report.txt']!)).toContain('乙文的正文第一段');

    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('href="articles/a/report.txt"');
    expect(html).toContain('<a class="noimg" href="articles/a/report.txt">Plain text</a>');
    expect(html).toMatch(/report · Plain text · 1 page · /);
  });

  it('is a --format of the CLI, and its help lists it', async () => {
    const dir = makeProject({ 'a.yaml': article('丙文') });
    const r = await cli(['build', '--format', 'text', '--no-preview', '-q'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out/articles/a'))).toEqual(['report.txt']);
    expect((await cli(['build', '--help'], dir)).stdout.replace(/\s+/g, ' ')).toContain("formats to write (default: jianbao.yaml's `formats`, else a layout's `formats` (its theme), else pdf,docx,text;");
  });

  it('fails --verify when its writer loses text, naming the paragraph', async () => {
    const lossy = registerFormat(textFormat('lossy', async (doc) => new TextEncoder().encode(textUnits(doc).slice(0, -1).map(unitText).join('\n'))));
    try {
      const dir = makeProject({ 'a.yaml': article('丁文') });
      const error = await build({ paths: projectPaths(dir, path.join(dir, 'out')), inputs: [], formats: ['lossy'], verify: true, previews: false, jobs: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiagnosticError);
      const [d] = (error as DiagnosticError).diagnostics;
      // The writer dropped the last paragraph: the date line the template writes from `date:` (line 3).
      expect(d).toMatchObject({ rule: 'lost-text', pos: { line: 3 } });
      expect(d!.message).toContain("the text (articles/a/report.txt) lost text of the paragraph '2021年3月4日'");
    } finally {
      lossy();
    }
  });
});
