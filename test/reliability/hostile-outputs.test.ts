import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { articleYaml, runIn, snapshot } from './hostile.js';
import { deadPid, expectListsTrue, expectNothingOutside, expectRun, manifestWithPos, nestedProject, removeNested } from './outputs.js';

/**
 * Nothing is written, read or removed outside the out folder on the word of a manifest: a
 * shard's manifest or the out folder's own (planted, or left by an older build) is checked entry
 * by entry before any path in it is used; a link in the out folder is never written through;
 * only the temporary files a dead build listed in its lock are removed; and one build at a time
 * writes a folder.
 */
afterAll(removeNested);

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');
const A = 'content/articles/a.yaml';
const build = (...more: string[]) => ['build', '--jobs', '1', '--no-preview', ...more];

/** A project with one built shard (DOCX only) in `shard/`, and that shard's manifest. */
async function withShard() {
  const p = nestedProject({ files: { [A]: articleYaml() } });
  const r = await runIn(p.dir, build('--format', 'docx', '-o', 'shard'));
  expect(r.code, r.stderr).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(p.dir, 'shard/manifest.json'), 'utf8')) as { outputs: Record<string, unknown>[] };
  return { ...p, manifest };
}

describe('manifest merge trusts no path of a shard manifest', () => {
  it('a preview path that leaves the folder', async () => {
    const { outer, dir, manifest } = await withShard();
    fs.writeFileSync(path.join(outer, 'planted.png'), 'not ours');
    manifest.outputs[0]!.preview = '../../planted.png';
    const m = manifestWithPos(manifest, 0, 'preview');
    fs.writeFileSync(path.join(dir, 'shard/manifest.json'), m.text);
    const before = snapshot(outer);
    await expectRun(dir, ['manifest', 'merge', 'shard/manifest.json', '-o', 'merged/manifest.json', '--release', 'r'], {
      code: 1,
      diagnostics: [{ rule: 'manifest', file: 'shard/manifest.json', line: m.line, column: m.column, message: 'outputs[0].preview must be "articles/a/report.preview.png"' }],
      last: '1 error; nothing was written',
    });
    expect(snapshot(outer)).toEqual(before);
  }, 30_000);

  it.each([
    ['../../escaped.docx', 'climbs out with `..`'],
    ['/tmp/escaped.docx', 'is absolute'],
    ['articles/a/x\n.docx', 'holds a control character'],
    ['manifest.json', "names the out folder's own manifest.json"],
    ['release/r.zip', "names the out folder's own release"],
  ])('an output path %j', async (bad, why) => {
    const { outer, dir, manifest } = await withShard();
    manifest.outputs[0]!.path = bad;
    const m = manifestWithPos(manifest, 0, 'path');
    fs.writeFileSync(path.join(dir, 'shard/manifest.json'), m.text);
    const before = snapshot(outer);
    await expectRun(dir, ['manifest', 'merge', 'shard/manifest.json', '-o', 'merged', '--release', 'r'], {
      code: 1,
      diagnostics: [{ rule: 'manifest', file: 'shard/manifest.json', line: m.line, column: m.column, message: `outputs[0].path ${JSON.stringify(bad)} ${why}` }],
    });
    expect(snapshot(outer)).toEqual(before);
    expectNothingOutside(outer);
  }, 30_000);

  it('an output that is a link to a file outside, with that file’s sha256', async () => {
    const { outer, dir, manifest } = await withShard();
    const victim = path.join(outer, 'victim.txt');
    fs.writeFileSync(victim, 'outside the shard\n');
    const file = path.join(dir, 'shard/articles/a/report.docx');
    fs.rmSync(file);
    fs.symlinkSync(victim, file);
    manifest.outputs[0]!.sha256 = sha('outside the shard\n');
    manifest.outputs[0]!.bytes = 18;
    fs.writeFileSync(path.join(dir, 'shard/manifest.json'), JSON.stringify(manifest, null, 2));
    await expectRun(dir, ['manifest', 'merge', 'shard/manifest.json', '-o', 'merged', '--release', 'r'], {
      code: 1,
      diagnostics: [{ rule: 'manifest-file', file: '', line: 0, column: 0, message: "articles/a/report.docx: no file with the manifest's sha256 in shard" }],
    });
    expect(fs.existsSync(path.join(dir, 'merged'))).toBe(false);
  }, 30_000);

  it('a manifest that is a FIFO is refused, not waited on', async () => {
    const { dir } = nestedProject({ fifos: ['shard/manifest.json'] });
    await expectRun(dir, ['manifest', 'merge', 'shard/manifest.json', '-o', 'merged'], {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'shard/manifest.json', line: 1, column: 1, message: 'is a FIFO (named pipe), not a file' }],
    });
  }, 30_000);

  it('a good shard merges, and its release holds only its outputs', async () => {
    const { dir } = await withShard();
    const r = await expectRun(dir, ['manifest', 'merge', 'shard/manifest.json', '-o', 'merged', '--release', 'r'], { code: 0, diagnostics: [] });
    expect(r.stdout).toContain('1 outputs (1 copied)');
    const outputs = expectListsTrue(path.join(dir, 'merged'));
    expect(outputs.map((o) => o.path)).toEqual(['articles/a/report.docx']);
  }, 30_000);
});

describe("the out folder's own manifest is checked before a build trusts it", () => {
  it('a planted entry naming /etc/hostname with its sha256: set aside, never released', async () => {
    const hostname = fs.readFileSync('/etc/hostname');
    const planted = { generator: 'x', outputs: [{ source: A, layout: 'report', format: 'pdf', path: '../../../../../../../../etc/hostname', bytes: hostname.length, sha256: sha(hostname) }] };
    const m = manifestWithPos(planted, 0, 'path');
    const { outer, dir } = nestedProject({ files: { [A]: articleYaml(), 'out/manifest.json': m.text } });
    await expectRun(dir, build('--release', 'r'), {
      code: 0,
      diagnostics: [{ rule: 'manifest', file: 'out/manifest.json', line: m.line, column: m.column, severity: 'warning', message: 'climbs out with `..`; it is set aside and a new manifest written' }],
    });
    const outputs = expectListsTrue(path.join(dir, 'out'));
    expect(outputs.map((o) => o.path)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf']);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, 'out/release/r.zip'))));
    for (const name of Object.keys(zip)) expect(name).toMatch(/^r\/(?!.*\.\.)[^\n]+$/);
    for (const data of Object.values(zip)) expect(Buffer.from(data).equals(hostname)).toBe(false);
    expectNothingOutside(outer);
  }, 60_000);

  it('an output path that is a link to a file outside: refused, the file outside untouched', async () => {
    const { outer, dir } = nestedProject({ files: { [A]: articleYaml(), '../victim.txt': 'not ours\n' }, links: { 'out/articles/a/report.pdf': '../../../../victim.txt' } });
    await expectRun(dir, build('--format', 'pdf'), {
      code: 1,
      diagnostics: [{ rule: 'path', file: 'out/articles/a/report.pdf', line: 1, column: 1, message: `the output path "articles/a/report.pdf" leaves out (through a link to ${path.join(outer, 'victim.txt')})` }],
      last: '1 error; nothing was written',
    });
    expect(fs.readFileSync(path.join(outer, 'victim.txt'), 'utf8')).toBe('not ours\n');
    expect(fs.readlinkSync(path.join(dir, 'out/articles/a/report.pdf'))).toBe('../../../../victim.txt');
    expectNothingOutside(outer, ['victim.txt']);
  }, 60_000);

  it('a link inside the folder where an output goes is in the way too: never written through, never replaced', async () => {
    const { dir } = nestedProject({ files: { [A]: articleYaml(), 'out/articles/a/mine.pdf': 'a file of the user' }, links: { 'out/articles/a/report.pdf': 'mine.pdf' } });
    await expectRun(dir, build('--format', 'pdf'), {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/a/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/a/report.pdf: a symbolic link is in the way' }],
      last: '1 error; nothing was written',
    });
    expect(fs.readFileSync(path.join(dir, 'out/articles/a/mine.pdf'), 'utf8')).toBe('a file of the user');
  }, 60_000);

  it('a folder where an output goes: error[io], nothing written', async () => {
    const { dir } = nestedProject({ files: { [A]: articleYaml(), 'out/articles/a/report.pdf/inner.txt': 'x' } });
    await expectRun(dir, build('--format', 'pdf'), {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/a/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/a/report.pdf: a folder is in the way' }],
      last: '1 error; nothing was written',
    });
  }, 60_000);

  it('a file where a folder of outputs goes: error[io] naming the output', async () => {
    const { dir } = nestedProject({ files: { [A]: articleYaml(), 'out/articles': 'a file, not a folder' } });
    await expectRun(dir, build('--format', 'pdf'), {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/a/report.pdf', line: 1, column: 1, message: /^out\/articles\/a\/report\.pdf:1:1: error\[io\]: cannot write out\/articles\/a\/report\.pdf: (a part of the path is not a folder|something is already there)$/ }],
      last: '1 error; nothing was written',
    });
  }, 60_000);

  it('a folder of out/ that is a link out: refused by the path policy', async () => {
    const { outer, dir } = nestedProject({ files: { [A]: articleYaml() }, links: { 'out/articles': '..' } });
    fs.mkdirSync(path.join(outer, 'elsewhere'));
    fs.rmSync(path.join(dir, 'out/articles'));
    fs.symlinkSync(path.join(outer, 'elsewhere'), path.join(dir, 'out/articles'));
    await expectRun(dir, build('--format', 'pdf'), {
      code: 1,
      diagnostics: [{ rule: 'path', file: 'out/articles/a/report.pdf', line: 1, column: 1, message: `the output path "articles/a/report.pdf" leaves out (through a link to ${path.join(outer, 'elsewhere')})` }],
      last: '1 error; nothing was written',
    });
    expect(fs.readdirSync(path.join(outer, 'elsewhere'))).toEqual([]);
  }, 60_000);
});

describe('temporary files: only those a dead build listed are removed', () => {
  it('keeps any other *.tmp, removes the dead build’s listed one and nothing outside', async () => {
    const pid = await deadPid();
    const { outer, dir } = nestedProject({
      files: {
        [A]: articleYaml(),
        'out/keep/.notes.99999.abc.tmp': 'a user file that looks like an old temporary name',
        'out/keep/.jianbao-99999-abc.tmp': 'a file no lock lists',
        [`out/articles/a/.jianbao-${pid}-zz.tmp`]: 'half an output',
        'out/keep/notes.txt': 'listed, but not a temporary name',
        '../outside.tmp': 'outside',
        'out/.jianbao-lock': `jianbao lock\npid ${pid}\nhost ${os.hostname()}\nsince 2021-01-01T00:00:00Z\ntmp articles/a/.jianbao-${pid}-zz.tmp\ntmp keep/notes.txt\ntmp ../../outside.tmp\n`,
      },
    });
    await expectRun(dir, build(), { code: 0, diagnostics: [] });
    const out = path.join(dir, 'out');
    expect(fs.existsSync(path.join(out, `articles/a/.jianbao-${pid}-zz.tmp`))).toBe(false);
    for (const kept of ['keep/.notes.99999.abc.tmp', 'keep/.jianbao-99999-abc.tmp', 'keep/notes.txt']) expect(fs.existsSync(path.join(out, kept)), kept).toBe(true);
    expect(fs.readFileSync(path.join(outer, 'outside.tmp'), 'utf8')).toBe('outside');
    expect(fs.existsSync(path.join(out, '.jianbao-lock'))).toBe(false);
  }, 60_000);
});

describe('one build at a time writes an out folder', () => {
  it('a lock held by a live process: error[lock], nothing written', async () => {
    const holder = spawn('sleep', ['60']);
    try {
      const lock = `jianbao lock\npid ${holder.pid}\nhost ${os.hostname()}\nsince 2021-01-01T00:00:00Z\n`;
      const { dir } = nestedProject({ files: { [A]: articleYaml(), 'out/.jianbao-lock': lock } });
      const before = snapshot(dir);
      await expectRun(dir, build(), {
        code: 1,
        diagnostics: [{ rule: 'lock', file: 'out/.jianbao-lock', line: 1, column: 1, message: `another jianbao build (process ${holder.pid} on ${os.hostname()}, since 2021-01-01T00:00:00Z) is writing to out` }],
        last: '1 error; nothing was written',
      });
      expect(snapshot(dir)).toEqual(before);
    } finally {
      holder.kill();
    }
  }, 60_000);
});

describe('file names that would forge a line', () => {
  it('a content file with a newline in its name is refused, named with the newline escaped', async () => {
    const { dir } = nestedProject({ files: { [A]: articleYaml(), 'content/articles/x\nsha.yaml': articleYaml() } });
    const before = snapshot(dir);
    await expectRun(dir, build('content'), {
      code: 1,
      diagnostics: [{ rule: 'path', file: 'content/articles/x\\nsha.yaml', line: 1, column: 1, message: 'holds a control character or a backslash' }],
      last: '1 error; nothing was written',
    });
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});
