// How long discovery of installed faces takes on a machine with thousands of fonts. Not a test.
//   npx tsx bench/font-discovery.ts [N=3000]
// Makes a folder of N font files: links to every real font on this machine (fc-list) and in
// node_modules, the rest small made faces, then times discovery without a cache (every file's
// directory and name table read), with the cache (every file stat()ed), and fontkit opening the
// real files whole, which is what discovery would cost with fontkit. The OS's page cache is warm
// in every run: a first run after boot also waits for the disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { tinyFace, writeSfnt } from '../test/fonts/make-font.js';
import { discoverFaces, findInstalled } from '../src/fonts/discovery/index.js';
import { fontconfigFiles } from '../src/fonts/discovery/fontconfig.js';
import { walkFontFiles } from '../src/fonts/discovery/walk.js';

const N = Number(process.argv[2] ?? 3000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-bench-fonts-'));
const real = [...(fontconfigFiles() ?? []), ...walkFontFiles([path.resolve('node_modules/@expo-google-fonts')]).files];
real.forEach((f, i) => fs.symlinkSync(f, path.join(dir, `real-${i}${path.extname(f)}`)));
for (let i = real.length; i < N; i++) {
  const sub = path.join(dir, `family-${Math.floor(i / 100)}`);
  fs.mkdirSync(sub, { recursive: true });
  fs.writeFileSync(path.join(sub, `made-${i}.ttf`), writeSfnt(tinyFace({ families: [[`测试字体${i}`, 'zh-CN'], [`Test Face ${i}`, 'en-US']], postscript: `TestFace${i}`, weight: 100 + (i % 9) * 100 })));
}
const cacheFile = path.join(dir, 'cache.json');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => void) => { const t = performance.now(); f(); return performance.now() - t; };

const cold = [0, 1, 2].map(() => time(() => discoverFaces({ folders: [dir], cacheFile: null })));
time(() => discoverFaces({ folders: [dir], cacheFile }));
const warm = [0, 1, 2, 3, 4].map(() => time(() => discoverFaces({ folders: [dir], cacheFile })));
const d = discoverFaces({ folders: [dir], cacheFile });
const ROLES = [['方正小标宋简体', 'FZXiaoBiaoSong-B05S'], ['仿宋_GB2312', '仿宋', 'FangSong'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体', 'KaiTi'], ['宋体', 'SimSun']];
const roles = [0, 1, 2, 3, 4].map(() => time(() => { const x = discoverFaces({ folders: [dir], cacheFile }); for (const names of ROLES) findInstalled(x, names); }));
const realDistinct = [...new Set(real)];
const fk = time(() => realDistinct.forEach((f) => { const x = fontkit.openSync(f) as unknown as { fonts?: { familyName: string }[]; familyName?: string }; void (x.fonts ? x.fonts.map((y) => y.familyName) : x.familyName); }));
const ours = time(() => discoverFaces({ folders: [...new Set(realDistinct.map((f) => path.dirname(f)))], cacheFile: null }));
console.log(`${d.stats.files} files (${real.length} real fonts, ${d.stats.files - real.length} made), ${d.faces.length} faces, ${d.skipped.length} skipped`);
console.log(`discovery without cache: ${median(cold).toFixed(0)} ms (median of 3)`);
console.log(`discovery with cache:    ${median(warm).toFixed(0)} ms (median of 5); cache file ${(fs.statSync(cacheFile).size / 1024).toFixed(0)} KB`);
console.log(`with cache, and the five roles looked up: ${median(roles).toFixed(0)} ms (median of 5)`);
console.log(`the ${realDistinct.length} real font files: fontkit.openSync + family names ${fk.toFixed(0)} ms; discovery reading them, no cache ${ours.toFixed(0)} ms`);
fs.rmSync(dir, { recursive: true, force: true });
