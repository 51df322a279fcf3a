import fs from 'node:fs';
import path from 'node:path';
import { bulletinSchema } from '../content/bulletin-schema.js';
import { decodeUtf8, parseYamlSource, yamlToData, type YamlSource } from '../content/yaml-source.js';
import { readBounded } from '../io/read-bounded.js';
import type { Limit } from '../limits.js';
import { z } from '../content/zod.js';
import { zodIssuesToDiagnostics } from '../content/zod-diagnostics.js';
import { diag, didYouMean, displayPath, type Diagnostic } from '../diagnostics/index.js';

/** The file that marks a project's root and holds its settings. */
export const CONFIG_FILE = 'jianbao.yaml';

/**
 * `jianbao.yaml`: the settings of a project, what would otherwise be flags on every command.
 * The schema is strict, like content's: an unknown key is an error at its line and column, with
 * a did-you-mean. Flags given on the command line (or options given to the library) win over
 * these; these win over what the themes say.
 *
 * A new setting is a key below and its reading where it applies (a format's own settings, e.g.
 * `pdf:`, go here too, beside `formats`). This is the one schema and the one reader of the file:
 * a project is opened through it (src/project/open.ts), and the fonts setting is read through it
 * where themes resolve their faces (src/fonts/project-fonts.ts), so this folder imports no stage.
 */

/** A project's settings file is a page of YAML; anything past this is a mistake. */
const CONFIG_LIMIT: Limit = { value: 256 * 1024, rule: 'too-large', unit: 'bytes' };

const LAYOUT_NAME = /^[a-z0-9][a-z0-9-]*$/;
const layoutList = z.array(z.string({ error: 'expected a layout name' }).regex(LAYOUT_NAME, 'a layout is a name such as `report`, not a path'), { error: 'expected a list of layout names' }).min(1, 'name at least one layout');

/** What every issue of a series repeats: written once here, an issue's own value wins. */
export const seriesDefaultsSchema = bulletinSchema.pick({ publisher: true, classification: true, distribution: true, copies: true }).partial();
export type SeriesDefaults = z.infer<typeof seriesDefaultsSchema>;

export const projectConfigSchema = z.strictObject({
  /** The out folder, relative to the project's root and inside it. */
  out: z.string({ error: 'expected a folder name' }).trim().min(1, 'must not be empty').optional(),
  /** Formats a build writes when `--format` is not given. */
  formats: z.array(z.string({ error: 'expected a format name' }), { error: 'expected a list of formats' }).min(1, 'name at least one format').optional(),
  /** Layouts a content file gets when it names none and `--layout` is not given, by kind of content. */
  layouts: z.strictObject({ article: layoutList.optional(), bulletin: layoutList.optional() }, { error: 'expected `article:` and `bulletin:` lists' }).optional(),
  /** May a build use the faces installed on the machine (`installed`), or only fonts/ and the bundled faces (`bundled`)? */
  fonts: z.enum(['installed', 'bundled'], { error: 'expected `installed` or `bundled`' }).optional(),
  /** Defaults for the issues of each series, by the series' name (an issue's `bulletin:`). */
  series: z.record(z.string(), seriesDefaultsSchema, { error: 'expected a mapping of series names to their defaults' }).optional(),
});

export type ProjectConfigData = z.infer<typeof projectConfigSchema>;

export const CONFIG_KEYS = Object.keys(projectConfigSchema.shape);
const KEYS_AT: Record<string, readonly string[]> = {
  layouts: ['article', 'bulletin'],
  series: Object.keys(seriesDefaultsSchema.shape),
  distribution: ['报', '送', '发'],
};

/** The keys allowed at a path of the settings file, for did-you-mean. */
function keysAt(p: readonly PropertyKey[]): readonly string[] {
  if (p[0] === 'series' && p.length >= 3 && p[2] === 'distribution') return KEYS_AT.distribution!;
  if (p[0] === 'series' && p.length >= 2) return KEYS_AT.series!;
  if (p[0] === 'layouts') return KEYS_AT.layouts!;
  return CONFIG_KEYS;
}

/** A project's settings, read and checked, with where each came from for messages. */
export interface ProjectConfig {
  /** The settings file, when the project has one. */
  file?: string;
  data: ProjectConfigData;
  /** Where a setting's value is in the file (for errors found later, such as an unknown layout). */
  posOf(p: readonly PropertyKey[]): Diagnostic['pos'];
}

export interface ConfigCheck {
  /** The format names the registry knows. */
  formats: readonly string[];
  /** The layout names the project can use (its own and the built-in ones). */
  layouts: readonly string[];
}

/**
 * Reads `<root>/jianbao.yaml`, if there is one, and checks it: its schema, an out folder inside
 * the project and, given `check`, the formats and layouts it names. Every problem is a
 * diagnostic at its line and column; `config` is usable only when none is an error.
 */
export function readProjectConfig(root: string, check?: ConfigCheck, cwd: string = process.cwd()): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const file = path.join(root, CONFIG_FILE);
  const none: ProjectConfig = { data: {}, posOf: () => undefined };
  if (!fs.existsSync(file)) return { config: none, diagnostics: [] };
  const shown = displayPath(file, cwd);
  // Read as content is (a regular file, bounded, strict UTF-8, the YAML checks), but empty is fine.
  const read = readBounded(file, { limit: CONFIG_LIMIT, shown, what: 'settings file' });
  if (!read.ok) return { config: none, diagnostics: [read.diagnostic] };
  const decoded = decodeUtf8(shown, read.bytes);
  if (decoded.text === undefined) return { config: none, diagnostics: decoded.diagnostics };
  if (decoded.text.trim() === '') return { config: { ...none, file }, diagnostics: [] };
  const parsed = parseYamlSource(shown, decoded.text);
  if (!parsed.source) return { config: none, diagnostics: parsed.diagnostics };
  const source = parsed.source;
  const converted = yamlToData(source);
  if (converted.diagnostics.length > 0) return { config: none, diagnostics: converted.diagnostics };
  // Comments only: no settings.
  const data = converted.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { config: none, diagnostics: [diag('error', 'schema', `expected a mapping of settings (${CONFIG_KEYS.join(':, ')}:)`, source.posOf([]))] };
  }
  const result = projectConfigSchema.safeParse(data);
  if (!result.success) return { config: none, diagnostics: zodIssuesToDiagnostics(result.error.issues, source, [], keysAt) };
  const config: ProjectConfig = { file, data: result.data, posOf: (p) => source.posOf(p) };
  return { config, diagnostics: [...(check ? checkNames(result.data, source, check) : []), ...checkOut(result.data, source, root)] };
}

/** Formats and layouts the settings name must exist; a near miss gets a did-you-mean. */
function checkNames(data: ProjectConfigData, source: YamlSource, check: ConfigCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const unknown = (what: string, name: string, known: readonly string[], at: PropertyKey[]) => {
    const near = didYouMean(name, known);
    out.push(diag('error', `unknown-${what}`, `unknown ${what} \`${name}\``, source.posOf(at), [near ? `did you mean \`${near}\`?` : `${what}s: ${known.join(', ')}`]));
  };
  data.formats?.forEach((f, i) => {
    if (!check.formats.includes(f)) unknown('format', f, check.formats, ['formats', i]);
  });
  for (const kind of ['article', 'bulletin'] as const) {
    data.layouts?.[kind]?.forEach((l, i) => {
      if (!check.layouts.includes(l)) unknown('layout', l, check.layouts, ['layouts', kind, i]);
    });
  }
  return out;
}

/** The out folder must lie inside the project, and be neither the project itself nor hold its sources. */
function checkOut(data: ProjectConfigData, source: YamlSource, root: string): Diagnostic[] {
  if (data.out === undefined) return [];
  const out = path.resolve(root, data.out);
  const rel = path.relative(root, out);
  const bad = (why: string) => [diag('error', 'out-folder', `\`out\`: ${why}`, source.posOf(['out']), ['an out folder such as `out` or `build/out`'])];
  if (rel === '') return bad('the out folder cannot be the project folder itself');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return bad(`${data.out} is outside the project; builds write only inside it`);
  const first = rel.split(path.sep)[0];
  if (first === 'content' || first === 'templates' || first === 'fonts') return bad(`${data.out} is inside ${first}/, which holds the project's sources`);
  return [];
}
