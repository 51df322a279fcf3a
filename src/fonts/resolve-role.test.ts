import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyFace, writeCollection, writeSfnt } from '../../test/fonts/make-font.js';
import { formatDiagnostic } from '../diagnostics/index.js';
import { type Discovery, discoverFaces } from './discovery/index.js';
import { type ResolveContext, type RoleSpec, resolveRole } from './resolve-role.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-roles-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const face = (zh: string, en: string, extra: { fsType?: number } = {}) => writeSfnt(tinyFace({ families: [[zh, 'zh-CN'], [en, 'en-US']], postscript: en, ...extra }));

// A machine's font folder: a Kai and a FangSong under names nobody guesses, and 宋体 in a collection.
const system = path.join(root, 'system');
fs.mkdirSync(system);
fs.writeFileSync(path.join(system, 'x1.ttf'), face('楷体', 'KaiTi'));
fs.writeFileSync(path.join(system, 'x2.ttf'), face('仿宋', 'FangSong'));
fs.writeFileSync(path.join(system, 'x3.ttc'), writeCollection([tinyFace({ families: [['Other JP', 'ja-JP']], postscript: 'OtherJP' }), tinyFace({ families: [['宋体', 'zh-CN'], ['SimSun', 'en-US']], postscript: 'SimSun' })]));
fs.writeFileSync(path.join(system, 'x4.ttf'), face('方正受限宋', 'FZRestricted', { fsType: 0x0002 }));

// The bundled default, standing in for npm's.
const bundledFile = path.join(root, 'bundled.ttf');
fs.writeFileSync(bundledFile, face('思源宋体', 'Noto Serif SC'));

function project(name: string, files: Record<string, Buffer> = {}): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  for (const [f, b] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), b);
  return dir;
}

function context(projectDir: string, setting: ResolveContext['setting'] = 'installed'): ResolveContext & { asked: string[] } {
  const asked: string[] = [];
  let installed: Discovery | undefined;
  return {
    asked,
    projectDir,
    setting,
    projectFaces: () => discoverFaces({ folders: [path.join(projectDir, 'fonts')], cacheFile: null }),
    installedFaces: () => {
      asked.push('installed');
      return (installed ??= discoverFaces({ folders: [system], cacheFile: null }));
    },
    bundled: (spec) => (spec === 'npm:fonts/bundled.ttf' ? bundledFile : undefined),
  };
}

const kai: RoleSpec = { role: 'kai', names: ['楷体_GB2312', '楷体', 'KaiTi'], files: ['fonts/kai.ttf', 'npm:fonts/bundled.ttf'] };
const body: RoleSpec = { role: 'body', names: ['仿宋_GB2312', '仿宋', 'FangSong'], files: ['fonts/body.ttf', 'npm:fonts/bundled.ttf'] };
const song: RoleSpec = { role: 'song', names: ['宋体', 'SimSun'], files: ['npm:fonts/bundled.ttf'] };
const title: RoleSpec = { role: 'title', names: ['方正小标宋简体'], files: ['npm:fonts/bundled.ttf'] };

describe('resolving a font role', () => {
  it('takes installed faces by their family names, a collection\'s face by name', () => {
    const ctx = context(project('plain'));
    const k = resolveRole(kai, ctx).face!;
    expect([k.family, k.origin, path.basename(k.from), k.matchedName]).toEqual(['楷体', 'installed', 'x1.ttf', '楷体']);
    expect(resolveRole(body, ctx).face).toMatchObject({ family: '仿宋', origin: 'installed', matchedName: '仿宋' });
    expect(resolveRole(song, ctx).face).toMatchObject({ family: '宋体', index: 1, collection: true, postscriptName: 'SimSun' });
  });

  it('falls back to the bundled face when no installed face answers', () => {
    const r = resolveRole(title, context(project('plain')));
    expect(r.face).toMatchObject({ origin: 'bundled', from: 'npm:fonts/bundled.ttf', family: '思源宋体', file: bundledFile });
    expect(r.diagnostics).toEqual([]);
  });

  it('a file the theme names in fonts/ wins, and so does any face in fonts/ answering to the names', () => {
    const pinned = project('pinned', { 'fonts/kai.ttf': face('我的楷体', 'MyKai'), 'fonts/FZFSK.TTF': face('仿宋_GB2312', 'FangSong_GB2312') });
    const ctx = context(pinned);
    expect(resolveRole(kai, ctx).face).toMatchObject({ origin: 'project', from: 'fonts/kai.ttf', family: '我的楷体' });
    expect(resolveRole(body, ctx).face).toMatchObject({ origin: 'project', from: path.join('fonts', 'FZFSK.TTF'), matchedName: '仿宋_GB2312' });
    expect(ctx.asked).toEqual([]);
  });

  it('with the bundled faces pinned, never looks at the machine\'s faces', () => {
    const ctx = context(project('ci'), 'bundled');
    expect(resolveRole(kai, ctx).face).toMatchObject({ origin: 'bundled' });
    expect(resolveRole(body, ctx).face).toMatchObject({ origin: 'bundled' });
    expect(ctx.asked).toEqual([]);
  });

  it('refuses a restricted face with an error naming it and the role', () => {
    const r = resolveRole({ role: 'title', names: ['方正受限宋'], files: ['npm:fonts/bundled.ttf'] }, context(project('plain')));
    expect(r.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/error\[font-embedding\]: font role `title`: '方正受限宋' \(.*x4\.ttf\) forbids embedding/);
  });

  it('says what it tried when nothing is found, and why a bad file in fonts/ cannot be used', () => {
    const none = resolveRole({ role: 'kai', names: ['楷体'], files: ['fonts/kai.ttf', 'npm:missing/x.ttf'] }, context(project('none'), 'bundled'));
    expect(none.face).toBeUndefined();
    expect(none.diagnostics.map((d) => d.message)).toEqual(['no face found for font role `kai` (tried fonts/kai.ttf; faces named 楷体 in fonts/; npm:missing/x.ttf)']);
    const bad = resolveRole(kai, context(project('bad', { 'fonts/kai.ttf': Buffer.from('this is not a font, only a text file') })));
    expect(bad.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^font role `kai`: fonts\/kai.ttf is not a font jianbao can read: not an OpenType font/)]);
    const outside = resolveRole({ ...kai, files: ['../elsewhere/kai.ttf', 'npm:fonts/bundled.ttf'] }, context(project('plain'), 'bundled'));
    expect(outside.diagnostics[0]!.message).toBe('font role `kai`: `../elsewhere/kai.ttf` is outside the project');
  });
});
