import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.js';
import { tempDir } from '../../test/support.js';
import { placeForWrite, placeInside } from './inside-root.js';
import { readBounded } from './read-bounded.js';

const dir = tempDir('jianbao-io-');
const root = path.join(dir, 'root');
fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
fs.writeFileSync(path.join(root, 'sub/a.txt'), 'a');
fs.writeFileSync(path.join(dir, 'outside.txt'), 'secret');
fs.symlinkSync('../outside.txt', path.join(root, 'link-out.txt'));
fs.symlinkSync('..', path.join(root, 'up'));
fs.symlinkSync('sub/a.txt', path.join(root, 'link-in.txt'));
execFileSync('mkfifo', [path.join(root, 'pipe')]);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('placeInside: one answer for every path content names', () => {
  it.each([
    ['sub/a.txt', true, undefined],
    ['link-in.txt', true, undefined],
    ['not-yet.txt', true, undefined],
    ['../outside.txt', false, 'outside'],
    ['sub/../../outside.txt', false, 'outside'],
    ['link-out.txt', false, 'link-outside'],
    ['up/outside.txt', false, 'link-outside'],
    ['/etc/passwd', false, 'absolute'],
    ['https://example.com/x', false, 'url'],
    ['a\nb.txt', false, 'bad-name'],
    ['a\\b.txt', false, 'bad-name'],
  ] as const)('%j', (target, ok, why) => {
    const p = placeInside(root, target);
    expect(p.ok).toBe(ok);
    if (!p.ok) expect(p.why).toBe(why);
  });

  it('for writing, refuses an existing pipe, a link and a folder on the way that leads out', () => {
    expect(placeForWrite(root, 'sub/new.pdf').ok).toBe(true);
    expect(placeForWrite(root, 'pipe')).toMatchObject({ ok: false, why: 'not-file' });
    expect(placeForWrite(root, 'link-in.txt')).toMatchObject({ ok: false, why: 'not-file' });
    expect(placeForWrite(root, 'up/new.pdf')).toMatchObject({ ok: false, why: 'link-outside' });
    expect(placeForWrite(root, 'x\n.pdf')).toMatchObject({ ok: false, why: 'bad-name' });
  });
});

describe('readBounded: regular files only, inside their root, bounded', () => {
  const limit = LIMITS.contentFileBytes;
  it('reads a file', () => {
    const r = readBounded(path.join(root, 'sub/a.txt'), { limit, shown: 'a.txt' });
    expect(r.ok && r.bytes.toString()).toBe('a');
  });
  it.each([
    ['/dev/zero', 'is a device, not a file'],
    [path.join(root, 'pipe'), 'is a FIFO (named pipe), not a file'],
    [root, 'is a folder, not a file'],
    [path.join(root, 'nope'), 'no such file'],
  ])('refuses %s, saying what it is', (file, words) => {
    const r = readBounded(file, { limit, shown: 'x', what: 'content file' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic).toMatchObject({ rule: 'io', pos: { file: 'x', line: 1, column: 1 } });
    if (!r.ok) expect(r.diagnostic.message).toContain(words);
  });
  it('refuses a link out of its root, and a file past its size', () => {
    const out = readBounded(path.join(root, 'link-out.txt'), { limit, shown: 'link-out.txt', root: { dir: root, name: 'the root' } });
    expect(!out.ok && out.diagnostic.message).toContain('leaves the root (through a link to');
    const big = readBounded(path.join(dir, 'outside.txt'), { limit: { value: 3, rule: 'too-large', unit: 'bytes' }, shown: 'o' });
    expect(!big.ok && big.diagnostic.rule).toBe('too-large');
  });
  it('bounds a file whose size the file system does not say (/proc)', () => {
    const r = readBounded('/proc/self/status', { limit: { value: 10, rule: 'too-large', unit: 'bytes' }, shown: 'status' });
    expect(!r.ok && r.diagnostic.rule).toBe('too-large');
  });
});
