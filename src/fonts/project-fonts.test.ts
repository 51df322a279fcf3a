import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/index.js';
import { tinyFace, writeSfnt } from '../../test/fonts/make-font.js';
import { projectFaces, readFontsSetting } from './project-fonts.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-settings-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
function project(name: string, yaml?: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  if (yaml !== undefined) fs.writeFileSync(path.join(dir, 'jianbao.yaml'), yaml);
  return dir;
}

describe('the project\'s fonts setting', () => {
  it('is `installed` by default, `bundled` when jianbao.yaml pins it, and JIANBAO_FONTS overrides both', () => {
    expect(readFontsSetting(project('none'), {})).toMatchObject({ setting: 'installed', from: 'default', diagnostics: [] });
    const ci = project('ci', 'fonts: bundled\n');
    expect(readFontsSetting(ci, {})).toMatchObject({ setting: 'bundled', diagnostics: [] });
    expect(readFontsSetting(ci, { JIANBAO_FONTS: 'installed' })).toMatchObject({ setting: 'installed', from: 'JIANBAO_FONTS' });
  });

  it('is read from the one jianbao.yaml schema, beside the project\'s other settings', () => {
    const full = project('full', 'out: build/out\nformats: [pdf]\nlayouts:\n  article: [report]\nfonts: bundled\n');
    expect(readFontsSetting(full, {})).toMatchObject({ setting: 'bundled', diagnostics: [] });
  });

  it('reports a bad value or an unknown key at its line', () => {
    const bad = readFontsSetting(project('bad', 'fonts: system\n'), {});
    expect(bad.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/jianbao\.yaml:1:8: error\[schema\]: `fonts`/);
    const unknown = readFontsSetting(project('unknown', 'font: bundled\n'), {});
    expect(unknown.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/unknown field `font`[\s\S]*did you mean `fonts`/);
    expect(readFontsSetting(project('env'), { JIANBAO_FONTS: 'yes' }).diagnostics[0]!.message).toBe('JIANBAO_FONTS must be `installed` or `bundled`, not `yes`');
  });
});

describe('the faces of a project\'s fonts/ folder', () => {
  it('are read again when a file is added there, and not before', () => {
    const dir = project('faces');
    fs.mkdirSync(path.join(dir, 'fonts'));
    const first = projectFaces(dir);
    expect(first.faces).toEqual([]);
    expect(projectFaces(dir)).toBe(first);
    fs.writeFileSync(path.join(dir, 'fonts', 'FZXBSJW.TTF'), writeSfnt(tinyFace({ families: [['方正小标宋简体', 'zh-CN']], postscript: 'FZXBSJW--GB1-0' })));
    expect(projectFaces(dir).faces.map((f) => f.postscriptName)).toEqual(['FZXBSJW--GB1-0']);
  });
});
