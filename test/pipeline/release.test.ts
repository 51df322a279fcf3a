import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256, type Manifest } from '../../src/outputs/manifest.js';
import { writeReleaseFiles } from '../../src/outputs/release.js';
import { ManifestLedger } from '../../src/outputs/ledger.js';
import { openOutFolder } from '../../src/outputs/out-folder.js';
import { cli, tempDir } from '../support.js';
import { article, makeProject, readManifest } from './project.js';

/** The href and src attributes of a page, decoded. */
function links(html: string): { hrefs: string[]; srcs: string[] } {
  const attr = (name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => decodeURIComponent(m[1]!));
  return { hrefs: attr('href'), srcs: attr('src') };
}

describe('out/index.html and the release files', () => {
  let dir: string;
  let out: string;

  beforeAll(async () => {
    dir = makeProject({ 'a.yaml': article('甲文', { layouts: ['report', 'memo'] }), 'b.yaml': article('乙文 <"&">') });
    out = path.join(dir, 'out');
    const r = await cli(['build', '--jobs', '2', '--release', 'v2021.1'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('release: out/release/');
  });

  it('lists every artifact with a link, its size, pages and a page-1 preview that exists', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const { hrefs, srcs } = links(html);
    const { outputs } = readManifest(out);
    expect(outputs).toHaveLength(6);
    for (const o of outputs) {
      expect(hrefs).toContain(o.path);
      if (o.format === 'pdf') {
        expect(o.preview).toBe(o.path.replace(/\.pdf$/, '.preview.png'));
        expect(srcs).toContain(o.preview);
        expect(html).toContain(`${o.pages} page`);
      }
    }
    for (const file of [...hrefs, ...srcs]) expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    expect(html).toContain('乙文 &#60;&#34;&#38;&#34;&#62;'); // titles are escaped
    expect(html).toMatch(/KB/);
  });

  it('loads nothing from outside the folder, so it works opened from disk', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const { hrefs, srcs } = links(html);
    for (const url of [...hrefs, ...srcs]) {
      expect(url).not.toMatch(/^[a-z]+:|^\/|\.\./i);
    }
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('writes previews that are PNG images of a page', () => {
    const png = fs.readFileSync(path.join(out, 'articles/a/report.preview.png'));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(360);
    expect(height / width).toBeCloseTo(297 / 210, 1); // A4 portrait
  });

  it('writes the release folder: flat assets, the archive, and SHA256SUMS over them', () => {
    const release = path.join(out, 'release');
    const files = fs.readdirSync(release).sort();
    expect(files).toEqual(['SHA256SUMS', 'a.memo.docx', 'a.memo.pdf', 'a.report.docx', 'a.report.pdf', 'b.report.docx', 'b.report.pdf', 'v2021.1.zip']);
    const sums = fs.readFileSync(path.join(release, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toHaveLength(7);
    for (const line of sums) {
      const [sum, name] = line.split('  ') as [string, string];
      expect(sha256(fs.readFileSync(path.join(release, name))), name).toBe(sum);
    }
    const archive = unzipSync(new Uint8Array(fs.readFileSync(path.join(release, 'v2021.1.zip'))));
    expect(Object.keys(archive)).toEqual(expect.arrayContaining(['v2021.1/index.html', 'v2021.1/manifest.json', 'v2021.1/SHA256SUMS', 'v2021.1/articles/a/report.pdf', 'v2021.1/articles/a/report.preview.png']));
    expect(strFromU8(archive['v2021.1/SHA256SUMS']!)).toBe(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8'));
  });

  it('zips each bulletin issue with its PDFs and DOCX, and links the zip from the index', () => {
    const folder = tempDir();
    const files: Record<string, string> = {
      'bulletins/no-1/bulletin.pdf': '%PDF-1.3 one',
      'bulletins/no-1/bulletin.docx': 'PK docx one',
      'bulletins/no-1/booklet.pdf': '%PDF-1.3 booklet',
      'articles/x/report.pdf': '%PDF-1.3 article',
    };
    for (const [p, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, p)), { recursive: true });
      fs.writeFileSync(path.join(folder, p), text);
    }
    const entry = (p: string, kind: string, source: string) => ({ source, kind, layout: path.basename(p).split('.')[0]!, format: p.endsWith('.pdf') ? ('pdf' as const) : ('docx' as const), path: p, bytes: files[p]!.length, sha256: sha256(files[p]!) });
    const manifest: Manifest = {
      generator: 'test',
      outputs: [
        entry('articles/x/report.pdf', 'article', 'content/articles/x.yaml'),
        entry('bulletins/no-1/booklet.pdf', 'bulletin', 'content/bulletins/no-1.yaml'),
        entry('bulletins/no-1/bulletin.docx', 'bulletin', 'content/bulletins/no-1.yaml'),
        entry('bulletins/no-1/bulletin.pdf', 'bulletin', 'content/bulletins/no-1.yaml'),
      ],
    };
    const out = openOutFolder(folder);
    const { releaseFiles } = writeReleaseFiles(out, new ManifestLedger(out, manifest.outputs, 'test').finish(), { release: 'r' });
    out.release();
    expect(releaseFiles).toContain('release/no-1.zip');
    expect(releaseFiles).not.toContain('release/x.zip');
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, 'release/no-1.zip'))));
    expect(Object.keys(zip).sort()).toEqual(['no-1/booklet.pdf', 'no-1/bulletin.docx', 'no-1/bulletin.pdf']);
    expect(strFromU8(zip['no-1/bulletin.pdf']!)).toBe('%PDF-1.3 one');
    expect(links(fs.readFileSync(path.join(folder, 'index.html'), 'utf8')).hrefs).toContain('release/no-1.zip');
    // The archive has the issue zip too, so the index's links work inside it.
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, 'release/r.zip')))))).toContain('r/release/no-1.zip');
  });

  it('rejects a release name that is not a plain file name', async () => {
    expect((await cli(['build', '--release', '../x'], dir)).code).toBe(2);
  });

  it('takes a release name given with .zip as the archive\'s own name (v1.zip, not v1.zip.zip)', async () => {
    const r = await cli(['build', '--release', 'v1.zip'], dir);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'release/v1.zip'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'release/v1.zip.zip'))).toBe(false);
  });
});
