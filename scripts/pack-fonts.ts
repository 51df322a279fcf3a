// Run when jianbao is packed (`prepack`, after `npm run compile`): copies the bundled faces the
// built-in themes name (`npm:<package>/<path>`) into dist/fonts/<package>/<path>, a WOFF
// unwrapped to its TTF, with each font package's licence files beside them. The published
// package then carries the 5 faces its themes use (about 71 MB, the body's bold among them) instead of depending on font
// packages that hold every weight (260 MB): see docs/fonts.md. The fonts are under the SIL Open
// Font License 1.1, which lets them be redistributed unmodified with software, with their
// copyright and licence.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { CARRIED_FONTS, carriedName, parseNpmSpec } from '../src/fonts/bundled.js';
import { sfntFromWoff } from '../src/fonts/opentype/woff.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const out = path.join(root, CARRIED_FONTS);

/** Every `npm:` spec under a theme's `fonts`. */
function specsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('npm:') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(specsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(specsOf);
  return [];
}

/** The folder of an installed package: up from one of its files to its package.json. */
function packageFolder(file: string, pkg: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return dir;
  }
  throw new Error(`no package.json of ${pkg} above ${file}`);
}

const themes = fs.readdirSync(path.join(root, 'templates')).filter((f) => f.endsWith('.theme.yaml'));
const specs = [...new Set(themes.flatMap((t) => specsOf((YAML.parse(fs.readFileSync(path.join(root, 'templates', t), 'utf8')) as { fonts?: unknown }).fonts)))].sort();
fs.rmSync(out, { recursive: true, force: true });
const packages = new Set<string>();
let bytes = 0;
for (const spec of specs) {
  const parsed = parseNpmSpec(spec);
  const name = carriedName(spec);
  if (!parsed || !name) throw new Error(`${spec}: not an npm: file`);
  const from = require.resolve(`${parsed.pkg}/${parsed.file}`);
  const to = path.join(out, name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (/\.woff$/i.test(from)) fs.writeFileSync(to, sfntFromWoff(fs.readFileSync(from)));
  else fs.copyFileSync(from, to);
  bytes += fs.statSync(to).size;
  if (!packages.has(parsed.pkg)) {
    packages.add(parsed.pkg);
    const dir = packageFolder(from, parsed.pkg);
    for (const f of fs.readdirSync(dir)) if (/^(licen[cs]e|ofl|copying)/i.test(f)) fs.copyFileSync(path.join(dir, f), path.join(out, parsed.pkg, f));
  }
  console.error(`carried ${spec} → ${path.relative(root, to)}`);
}
console.error(`${specs.length} faces, ${(bytes / 1e6).toFixed(1)} MB, from ${[...packages].join(', ')}`);
