import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_FONTS, readTables, toWoff } from '../../test/fonts/make-font.js';
import { carriedName, parseNpmSpec, resolveBundled, unwrappedWoff } from './bundled.js';
import { readFaceInfosOfFile } from './opentype/face-info.js';

const SERIF = 'npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-bundled-'));
let savedCache: string | undefined;
beforeAll(() => {
  savedCache = process.env.JIANBAO_CACHE_DIR;
  process.env.JIANBAO_CACHE_DIR = path.join(tmp, 'cache');
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.JIANBAO_CACHE_DIR;
  else process.env.JIANBAO_CACHE_DIR = savedCache;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bundled faces (`npm:` files)', () => {
  it('take a package and a path inside it, nothing else', () => {
    expect(parseNpmSpec(SERIF)).toEqual({ pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' });
    expect(parseNpmSpec('npm:fontsource/files/a.woff')).toEqual({ pkg: 'fontsource', file: 'files/a.woff' });
    for (const bad of ['npm:../etc/passwd', 'npm:pkg/../../x.ttf', 'npm:/abs/x.ttf', 'npm:pkg', 'fonts/body.ttf', 'npm:pkg/a\\..\\b.ttf']) expect(parseNpmSpec(bad), bad).toBeUndefined();
    expect(carriedName('npm:@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff')).toBe(path.join('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.ttf'));
  });

  it('are read from the copy a packed jianbao carries, else from the installed package', () => {
    const root = path.join(tmp, 'package');
    expect(resolveBundled(SERIF, root)).toBe(BASE_FONTS.serif);
    const carried = path.join(root, 'dist/fonts', carriedName(SERIF)!);
    fs.mkdirSync(path.dirname(carried), { recursive: true });
    fs.copyFileSync(BASE_FONTS.serif, carried);
    expect(resolveBundled(SERIF, root)).toBe(carried);
    expect(resolveBundled('npm:@expo-google-fonts/noto-serif-sc/400Regular/Missing.ttf', path.join(tmp, 'none'))).toBeUndefined();
  });

  it('a WOFF is unwrapped once into the cache, as the same font', () => {
    const woff = path.join(tmp, 'face.woff');
    fs.writeFileSync(woff, toWoff(readTables(BASE_FONTS.serif)));
    const out = unwrappedWoff(woff);
    expect(out.startsWith(path.join(tmp, 'cache', 'fonts'))).toBe(true);
    expect(readFaceInfosOfFile(out)).toEqual(readFaceInfosOfFile(BASE_FONTS.serif));
    const mtime = fs.statSync(out).mtimeMs;
    expect(unwrappedWoff(woff)).toBe(out);
    expect(fs.statSync(out).mtimeMs).toBe(mtime);
  });
});
