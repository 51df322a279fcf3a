import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyFace, writeCollection, writeSfnt } from '../../../test/fonts/make-font.js';
import { displayFamily } from '../opentype/face-info.js';
import { discoverFaces, findInstalled, foldersFromEnv } from './index.js';
import { systemFontFolders } from './folders.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-fontdir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A folder standing in for a system font folder, with good, bad and odd files. */
function fontFolder(name: string): { dir: string; cacheFile: string } {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'nested/deeper'), { recursive: true });
  // Office file names say nothing of the face: only the name table does.
  fs.writeFileSync(path.join(dir, 'STKAITI.TTF'), writeSfnt(tinyFace({ families: [['楷体', 'zh-CN'], ['KaiTi', 'en-US']], postscript: 'KaiTi' })));
  fs.writeFileSync(path.join(dir, 'nested/a1b2c3.ttf'), writeSfnt(tinyFace({ families: [['仿宋_GB2312', 'zh-CN'], ['FangSong_GB2312', 'en-US']], postscript: 'FangSong_GB2312' })));
  fs.writeFileSync(
    path.join(dir, 'nested/deeper/songs.ttc'),
    writeCollection([
      tinyFace({ families: [['Test Song JP', 'ja-JP']], postscript: 'TestSongJP' }),
      tinyFace({ families: [['宋体', 'zh-CN'], ['SimSun', 'en-US']], postscript: 'SimSun' }),
    ]),
  );
  fs.writeFileSync(path.join(dir, 'notes.ttf'), 'not a font, only named like one');
  const good = writeSfnt(tinyFace({ families: [['Cut Short', 'en-US']], postscript: 'CutShort' }));
  fs.writeFileSync(path.join(dir, 'truncated.otf'), good.subarray(0, 30));
  fs.writeFileSync(path.join(dir, 'readme.txt'), 'ignored');
  fs.symlinkSync(dir, path.join(dir, 'nested/loop'));
  return { dir, cacheFile: path.join(root, `${name}-cache.json`) };
}

describe('discovering installed faces by the names in their files', () => {
  const { dir, cacheFile } = fontFolder('fonts-a');

  it('finds every face of every font file, nested folders and collections included, each once', () => {
    const d = discoverFaces({ folders: [dir], cacheFile });
    expect(d.faces.map((f) => [path.relative(dir, f.file), f.index, displayFamily(f)])).toEqual([
      ['STKAITI.TTF', 0, '楷体'],
      ['nested/a1b2c3.ttf', 0, '仿宋_GB2312'],
      ['nested/deeper/songs.ttc', 0, 'Test Song JP'],
      ['nested/deeper/songs.ttc', 1, '宋体'],
    ]);
    expect(d.sources).toEqual([dir]);
  });

  it('passes over bad files with the reason, never stopping', () => {
    const d = discoverFaces({ folders: [dir], cacheFile: null });
    expect(d.skipped.map((s) => [path.basename(s.file), s.reason])).toEqual([
      ['notes.ttf', expect.stringContaining('not an OpenType font')],
      ['truncated.otf', expect.stringContaining('outside the file')],
    ]);
  });

  it('matches a role\'s names in the theme\'s order, a collection\'s face by its name', () => {
    const d = discoverFaces({ folders: [dir], cacheFile: null });
    const kai = findInstalled(d, ['楷体_GB2312', '楷体', 'KaiTi']);
    expect(kai && [path.basename(kai.face.file), kai.name]).toEqual(['STKAITI.TTF', '楷体']);
    expect(findInstalled(d, ['仿宋_GB2312', '仿宋'])?.face.postscriptName).toBe('FangSong_GB2312');
    const song = findInstalled(d, ['SIMSUN'])!;
    expect([path.basename(song.face.file), song.face.index]).toEqual(['songs.ttc', 1]);
    expect(findInstalled(d, ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'])).toBeUndefined();
  });

  it('reads a file once: the next run takes it from the cache by size and mtime, and reads it again when it changes', () => {
    const first = discoverFaces({ folders: [dir], cacheFile });
    const again = discoverFaces({ folders: [dir], cacheFile });
    expect(again.stats).toMatchObject({ files: 5, cached: 5, read: 0 });
    expect(again.faces).toEqual(first.faces);
    expect(again.skipped).toEqual(first.skipped);
    // Replace the Kai face by a 楷体_GB2312 of another size: read again, the rest still cached.
    const kaiFile = path.join(dir, 'STKAITI.TTF');
    fs.writeFileSync(kaiFile, writeSfnt(tinyFace({ families: [['楷体_GB2312', 'zh-CN'], ['KaiTi_GB2312', 'en-US']], postscript: 'KaiTi_GB2312' })));
    const changed = discoverFaces({ folders: [dir], cacheFile });
    expect(changed.stats).toMatchObject({ cached: 4, read: 1 });
    expect(findInstalled(changed, ['楷体_GB2312', '楷体'])?.name).toBe('楷体_GB2312');
  });

  it('reads everything again from a cache that is not its own, without failing', () => {
    fs.writeFileSync(cacheFile, JSON.stringify({ version: 1, files: { [path.join(dir, 'STKAITI.TTF')]: { stamp: 'x', faces: [{ index: 'bad' }] } } }));
    expect(discoverFaces({ folders: [dir], cacheFile }).stats.read).toBe(5);
    fs.writeFileSync(cacheFile, '{ not json');
    expect(discoverFaces({ folders: [dir], cacheFile }).faces.length).toBe(4);
  });

  it('stops at its limits of files and depth', () => {
    const few = discoverFaces({ folders: [dir], cacheFile: null, limits: { maxFiles: 2 } });
    expect(few.stats).toMatchObject({ files: 2, truncated: true });
    const shallow = discoverFaces({ folders: [dir], cacheFile: null, limits: { maxDepth: 0 } });
    expect(shallow.faces.map((f) => path.basename(f.file))).toEqual(['STKAITI.TTF']);
  });

  it('JIANBAO_FONT_DIRS names the folders in place of the system\'s, and missing folders are no error', () => {
    const env = { JIANBAO_FONT_DIRS: [dir, path.join(root, 'missing')].join(path.delimiter) };
    expect(foldersFromEnv(env)).toEqual([dir, path.join(root, 'missing')]);
    expect(foldersFromEnv({})).toBeUndefined();
    expect(discoverFaces({ folders: foldersFromEnv(env)!, cacheFile: null }).faces.length).toBe(4);
  });
});

describe('system font folders', () => {
  it('are Windows\' system and per-user folders', () => {
    expect(systemFontFolders({ platform: 'win32', home: 'C:\\Users\\u', env: { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' } })).toEqual([
      'C:\\Windows\\Fonts',
      'C:\\Users\\u\\AppData\\Local\\Microsoft\\Windows\\Fonts',
    ]);
  });

  it('are macOS\' user, local and system folders', () => {
    const mac = systemFontFolders({ platform: 'darwin', home: '/Users/u', env: {} });
    expect(mac.slice(0, 3)).toEqual(['/Users/u/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts']);
  });

  it('are the XDG and system folders on Linux', () => {
    const linux = systemFontFolders({ platform: 'linux', home: '/home/u', env: {} });
    expect(linux.slice(0, 4)).toEqual(['/home/u/.local/share/fonts', '/home/u/.fonts', '/usr/local/share/fonts', '/usr/share/fonts']);
  });
});
