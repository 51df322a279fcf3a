import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/templates/render-template.js';
import { ROOT, tempDir } from '../support.js';
import { png } from './images.js';
import { articleYaml, expectRefused, hostileProject, removeProjects } from './hostile.js';

/**
 * Nothing is read from outside the project on a template's or a content file's word: every image
 * a template emits passes one image policy before any renderer sees it (the DOCX writer embedded
 * any path, where the PDF writer refused it); a layout a content file names is one of the
 * templates folder, reported at its entry; and compiled templates are run from a cache folder
 * only when no one else can write it.
 */
afterAll(removeProjects);

const A = 'content/articles/a.yaml';
const build = (file = A) => ['build', '--jobs', '1', '--no-preview', file];
const TAIL = '{{> furniture}}';

/** A project whose report template also emits `<image path="…">` just before the page furniture; the expected position of that element. */
function emitting(imagePath: string, files: Record<string, string | Buffer> = {}) {
  const element = `<image path="${imagePath}" width="0.5"/>`;
  const dir = hostileProject({ files: { [A]: articleYaml(), ...files }, templates: [['report.hbs', TAIL, `${element}\n${TAIL}`]] });
  const lines = fs.readFileSync(path.join(dir, 'templates/report.hbs'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(element)) + 1;
  return { dir, at: { file: 'templates/report.hbs', line, column: 1 } };
}

describe('an image a template emits passes the image policy, for every renderer', () => {
  it.each([
    ['/dev/zero', 'the image /dev/zero leaves the content folder'],
    ['/etc/passwd', 'the image /etc/passwd leaves the content folder'],
    ['http://example.com/x.png', 'images are files in the content folder, not URLs: http://example.com/x.png'],
    ['data:image/png;base64,iVBORw0KGgo=', 'images are files in the content folder, not URLs: data:image/png;base64,iVBORw0KGgo='],
    ['../secret.png', 'the image ../secret.png leaves the content folder'],
  ])('%s', async (imagePath, message) => {
    const { dir, at } = emitting(imagePath, { 'secret.png': png(2, 2) });
    await expectRefused(dir, build(), [{ rule: 'image-path', ...at, message }]);
  }, 30_000);

  it('a link in the content folder to a file outside it', async () => {
    const { dir, at } = emitting('chart.png', { 'secret.png': png(2, 2) });
    fs.symlinkSync(path.join(dir, 'secret.png'), path.join(dir, 'content/chart.png'));
    await expectRefused(dir, build(), [{ rule: 'image-path', ...at, message: `the image chart.png leaves the content folder (through a link to ${fs.realpathSync(path.join(dir, 'secret.png'))})` }]);
  }, 30_000);

  it('a file in the content folder that is not an image', async () => {
    const { dir, at } = emitting('notes.png', { 'content/notes.png': 'plain text' });
    await expectRefused(dir, build(), [{ rule: 'image-format', ...at, message: 'notes.png: the file is not an image this tool can read' }]);
  }, 30_000);
});

describe('layouts a content file names', () => {
  it('an unknown layout of an article is reported at its entry', () =>
    expectRefused(hostileProject({ files: { [A]: articleYaml('  - 示例段落。\n', 'title: 示例标题\ndate: 2021-03-04\nlayouts: [report, nosuch]\n') } }), build(), [
      { rule: 'layout', file: A, line: 3, column: 19, message: 'unknown layout `nosuch`', hint: 'layouts here: booklet, bulletin, report' },
    ]), 30_000);

  it('a near miss of a bulletin issue is reported at its entry, with the layout it meant', () =>
    expectRefused(
      hostileProject({ files: { [A]: articleYaml(), 'content/bulletins/x.yaml': 'bulletin: 示例简报\nissue: 1\npublisher: 示例单位\ndate: 2021-03-10\ncopies: 10\nlayouts: [bulletn]\ncolumns:\n  - name: 甲\n    articles: [a]\n' } }),
      build('content/bulletins/x.yaml'),
      [{ rule: 'layout', file: 'content/bulletins/x.yaml', line: 6, column: 11, message: 'unknown layout `bulletn`; did you mean `bulletin`?' }],
    ), 30_000);

  it('a path as a bulletin issue’s layout is refused without reading it', () =>
    expectRefused(
      hostileProject({ files: { [A]: articleYaml(), 'evil.theme.yaml': 'secret: key\n', 'content/bulletins/x.yaml': 'bulletin: 示例简报\nissue: 1\npublisher: 示例单位\ndate: 2021-03-10\ncopies: 10\nlayouts: ["../../evil"]\ncolumns:\n  - name: 甲\n    articles: [a]\n' } }),
      build('content/bulletins/x.yaml'),
      [{ rule: 'schema', file: 'content/bulletins/x.yaml', line: 6, column: 11, message: 'a layout is a name such as `bulletin`, not a path' }],
    ), 30_000);
});

describe('compiled templates are run from a cache only no one else can write', () => {
  let root: string;
  let saved: string | undefined;
  beforeEach(() => {
    root = tempDir('jianbao-cache-');
    saved = process.env.JIANBAO_CACHE_DIR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.JIANBAO_CACHE_DIR;
    else process.env.JIANBAO_CACHE_DIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Templates in a folder of their own (the process's memory cache is by file), the report layout's partials and template. */
  const templates = (name: string) => {
    const dir = path.join(root, name);
    fs.cpSync(path.join(ROOT, 'templates'), dir, { recursive: true });
    return dir;
  };

  it.each([
    ['a folder everyone may write', (dir: string) => fs.chmodSync(dir, 0o777)],
    ['a folder its group may write', (dir: string) => fs.chmodSync(dir, 0o770)],
    ...(process.getuid?.() === 0 ? [['a folder another user owns', (dir: string) => fs.chownSync(dir, 65534, 65534)] as const] : []),
  ] as const)('%s: a planted compiled template is not run, and nothing is cached there', (_what, open) => {
    // A compiled template made honestly in a private cache, then planted with code of the attacker's.
    const honest = path.join(root, 'honest');
    process.env.JIANBAO_CACHE_DIR = honest;
    compileTemplate(templates('a'), 'report');
    const [spec] = fs.readdirSync(path.join(honest, 'templates'));
    const shared = path.join(root, 'shared');
    fs.mkdirSync(path.join(shared, 'templates'), { recursive: true });
    const planted = JSON.parse(fs.readFileSync(path.join(honest, 'templates', spec!), 'utf8')) as { template: string };
    planted.template = '{"compiler":[8,">= 4.3.0"],"main":function(){ globalThis.__jianbaoPlanted = true; return "PLANTED"; },"useData":true}';
    fs.writeFileSync(path.join(shared, 'templates', spec!), JSON.stringify(planted));
    open(shared);
    process.env.JIANBAO_CACHE_DIR = shared;
    const before = fs.readdirSync(path.join(shared, 'templates'));
    const out = compileTemplate(templates('b'), 'report').render({ article: { title: '示例', date: '2021-03-04', body: [], fieldAt: {} } });
    expect(out).not.toContain('PLANTED');
    expect(out).toMatch(/^<doc title="示例"/m);
    expect((globalThis as { __jianbaoPlanted?: boolean }).__jianbaoPlanted).toBeUndefined();
    expect(fs.readdirSync(path.join(shared, 'templates'))).toEqual(before);
  });

  it('a private folder is used: the compiled template is kept and read back', () => {
    const own = path.join(root, 'own');
    process.env.JIANBAO_CACHE_DIR = own;
    compileTemplate(templates('c'), 'report');
    expect(fs.statSync(own).mode & 0o077).toBe(0);
    expect(fs.readdirSync(path.join(own, 'templates')).length).toBeGreaterThan(0);
    expect(os.userInfo().uid).toBe(fs.statSync(own).uid);
  });
});
