import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyFace, writeCollection, writeSfnt } from '../../test/fonts/make-font.js';
import { discoverFaces } from './discovery/index.js';
import { fontsReportJson, formatFontsReport, missingChar, type RoleReport } from './fonts-report.js';
import { resolveRole, type ResolveContext } from './resolve-role.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, 'system'));
fs.mkdirSync(path.join(dir, 'project/fonts'), { recursive: true });
fs.writeFileSync(path.join(dir, 'system/songs.ttc'), writeCollection([tinyFace({ families: [['Other', 'en-US']], postscript: 'Other' }), tinyFace({ families: [['宋体', 'zh-CN'], ['SimSun', 'en-US']], postscript: 'SimSun', fsType: 0x0104 })]));
fs.writeFileSync(path.join(dir, 'bundled.ttf'), writeSfnt(tinyFace({ families: [['Noto Serif SC', 'en-US']], postscript: 'NotoSerifSC-Regular' })));
const ctx: ResolveContext = {
  projectDir: path.join(dir, 'project'),
  setting: 'installed',
  projectFaces: () => discoverFaces({ folders: [path.join(dir, 'project/fonts')], cacheFile: null }),
  installedFaces: () => discoverFaces({ folders: [path.join(dir, 'system')], cacheFile: null }),
  bundled: () => path.join(dir, 'bundled.ttf'),
};

describe('the fonts report', () => {
  const song = resolveRole({ role: 'song', names: ['宋体'], files: ['npm:x/y.ttf'] }, ctx);
  const body = resolveRole({ role: 'body', names: ['仿宋'], files: ['fonts/body.ttf', 'npm:x/y.ttf'] }, ctx);
  const reports: RoleReport[] = [
    { layout: 'report', role: 'song', face: song.face, fallbacks: [], characters: 12, missing: [], problems: song.diagnostics.map((d) => `${d.severity}: ${d.message}`) },
    { layout: 'report', role: 'body', face: body.face, fallbacks: ['fonts/extra.ttf'], characters: 603, missing: [missingChar('𠀀', [{ file: 'content/articles/a.yaml', line: 4, column: 12 }])], problems: [] },
  ];

  it('shows each role\'s face, file and index, origin, permission and coverage', () => {
    const text = formatFontsReport(reports);
    expect(text).toContain('report:\n  song  宋体 — installed, by the name 宋体\n');
    expect(text).toMatch(/file: .*songs\.ttc, face 1 of a collection/);
    expect(text).toContain('embedding: print & preview, embedded whole (no subsetting) (fsType 0x0104)');
    expect(text).toContain('warning: font role `song`');
    expect(text).toContain('coverage: all 12 characters the content sets in this role');
    expect(text).toContain('  body  Noto Serif SC — bundled\n');
    expect(text).toContain("'𠀀' U+20000 at content/articles/a.yaml:4:12");
    expect(text).toContain('fallbacks: fonts/extra.ttf');
    expect(text).toMatch(/note: .*licence .* is yours to hold/);
  });

  it('gives the same as JSON', () => {
    const json = JSON.parse(JSON.stringify(fontsReportJson(reports))) as { roles: { role: string; face: { index: number; origin: string; embedding: { noSubsetting: boolean } }; missing: unknown[] }[] };
    expect(json.roles.map((r) => [r.role, r.face.origin, r.face.index, r.face.embedding.noSubsetting, r.missing.length])).toEqual([
      ['song', 'installed', 1, true, 0],
      ['body', 'bundled', 0, false, 1],
    ]);
  });
});
