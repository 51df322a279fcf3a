import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import type { Composition, FlowRules, FontFace, FurnitureLooks, PageStyle, PdfSettings, Style, StyleRole } from '../ir/index.js';
import { readYamlData } from '../content/load-article.js';
import { zodIssuesToDiagnostics } from '../content/zod-diagnostics.js';
import { resolveFontCandidate } from '../fonts/resolve-font.js';
import { faceProblem } from '../fonts/check-face.js';
import { readFontsSetting, resolveProjectRole } from '../fonts/project-fonts.js';
import type { FontsSetting, ResolvedFace, RoleSpec } from '../fonts/resolve-role.js';
import { isBoldOf } from '../fonts/bold-face.js';
import { PAPER, parseLength, type LengthContext } from './length.js';
import { roomProblems } from './room.js';
import { themeSchema, type ContentsSettings, type LayoutFacts, type ThemeFile } from './schema.js';

/** A theme resolved to points and font files: what the template sees and what the IR carries. */
export interface Theme {
  file: string;
  /** What the layout is (theme `layout:`): the content it lays out, default or not, imposed or not. */
  layout: LayoutFacts;
  page: PageStyle;
  /** The look of each kind of page furniture the theme gives one; the template decides which appear. */
  furniture: FurnitureLooks;
  /** What the layout's PDFs conform to (theme `pdf:`). */
  pdf?: PdfSettings;
  styles: Record<string, Style>;
  fonts: Record<string, FontFace>;
  /** How each role's face was found (for `jianbao fonts` and the line a build prints). */
  fontChoices: ResolvedFace[];
  /** Whether the project lets installed faces be used. */
  fontsSetting: FontsSetting;
  /** Warnings of resolving the fonts (a face embedded whole). */
  warnings: Diagnostic[];
  colors: Record<string, string>;
  /** Whether an issue gets a contents list, from how many articles, with column labels or not. */
  contents: ContentsSettings;
  punctuation: ThemeFile['punctuation'];
  latinGap: number;
  composition: Composition;
  flow: FlowRules;
}

type Read = { stamp: string; source: NonNullable<ReturnType<typeof readYamlData>['source']>; t: ThemeFile };
const readCache = new Map<string, Read>();

/**
 * The theme file read, parsed and validated, kept per process by path and stat: a build lays
 * out every document with its layout's theme, and a batch or watch process would otherwise
 * parse the same YAML for each. A changed file (size, mtime or inode) is read again.
 */
function readTheme(file: string, shown: string): Read {
  let stamp = '';
  try {
    const st = fs.statSync(file);
    stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    // readYamlData reports the missing file
  }
  const key = `${file}\0${shown}`;
  const hit = readCache.get(key);
  if (hit && stamp && hit.stamp === stamp) return hit;
  const { data, source, diagnostics } = readYamlData(file, shown);
  if (!source || data === undefined) throw new DiagnosticError(diagnostics);
  const parsed = themeSchema.safeParse(data);
  if (!parsed.success) throw new DiagnosticError(zodIssuesToDiagnostics(parsed.error.issues, source, [], themeSchema));
  const read = { stamp, source, t: parsed.data };
  if (stamp) readCache.set(key, read);
  return read;
}

/**
 * What a layout is (its theme's `layout:`), without resolving fonts or styles: the planner asks
 * it of every layout to find the defaults, and a theme is read and parsed once per process.
 */
/** What Word import needs of a theme's styles: the names a draft shows and what each is for. */
export interface StyleNaming {
  id: string;
  name: string;
  role?: StyleRole;
  outlineLevel?: number;
}

/**
 * A theme's styles by their Word names and roles, read without resolving its fonts or lengths
 * (an import must not look for font files or open them to know what 附件说明 is).
 */
export function loadStyleNaming(file: string): StyleNaming[] {
  const { t } = readTheme(file, displayPath(file));
  return Object.entries(t.styles).map(([key, s]) => ({
    id: s.id ?? key,
    name: s.name ?? key,
    ...(s.role ? { role: s.role } : {}),
    ...(s.outlineLevel !== undefined ? { outlineLevel: s.outlineLevel } : {}),
  }));
}

export function loadLayoutFacts(file: string): LayoutFacts {
  return readTheme(file, displayPath(file)).t.layout;
}

/** `map[key]` when the map itself has it: a name such as `constructor` or `toString` is no style or font role. */
function own<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A theme's one-line description (`description:`), for lists of layouts. */
export function loadLayoutDescription(file: string): string | undefined {
  return readTheme(file, displayPath(file)).t.description;
}

/** The font roles a theme file defines, as the resolver takes them (for `jianbao fonts`, which reports on roles whatever their faces). */
export function themeFontRoles(file: string): (RoleSpec & { fallback: string[] })[] {
  const { source, t } = readTheme(file, displayPath(file));
  return Object.entries(t.fonts).map(([role, f]) => ({ role, names: f.names, files: f.files, fallback: f.fallback, pos: source.posOf(['fonts', role]) }));
}

/** Loads `<layout>.theme.yaml`, checks every style's font role and resolves lengths and font files. */
export function loadTheme(file: string, projectDir: string): Theme {
  const shown = displayPath(file);
  // Font files are looked up on every call: a face dropped into fonts/ counts at once.
  const { source, t } = readTheme(file, shown);
  const errors: Diagnostic[] = [];
  const len = (v: string | number, ctx: LengthContext, at: PropertyKey[]): number => {
    const n = parseLength(v, ctx);
    if (n === undefined) errors.push(diag('error', 'theme', `bad length ${JSON.stringify(v)}; use pt, mm, cm, em or line`, source.posOf(at)));
    return n ?? 0;
  };

  const paper = PAPER[t.page.size]!;
  const base: LengthContext = { em: 16, line: 16 };
  const m = t.page.margins;
  const margins = {
    top: len(m.top, base, ['page', 'margins', 'top']),
    right: len(m.right, base, ['page', 'margins', 'right']),
    bottom: len(m.bottom, base, ['page', 'margins', 'bottom']),
    left: len(m.left, base, ['page', 'margins', 'left']),
  };
  const textWidth = paper.width - margins.left - margins.right;
  const textHeight = paper.height - margins.top - margins.bottom;
  const linePitch = t.page.grid ? textHeight / t.page.grid.lines : len(t.page.linePitch ?? '1.5em', base, ['page', 'linePitch']);
  const page: PageStyle = { ...paper, margins, linePitch };
  if (t.page.grid?.chars) page.charPitch = textWidth / t.page.grid.chars;

  const styles: Record<string, Style> = {};
  for (const [name, s] of Object.entries(t.styles)) {
    const at = ['styles', name];
    if (!own(t.fonts, s.font)) errors.push(diag('error', 'theme', `style \`${name}\` uses font role \`${s.font}\`, which \`fonts\` does not define`, source.posOf([...at, 'font'])));
    const ctx = { em: s.size, line: linePitch };
    const style: Style = {
      id: s.id ?? name,
      name: s.name ?? name,
      ...(s.role ? { role: s.role } : {}),
      font: s.font,
      size: s.size,
      bold: s.bold,
      color: s.color ?? '#000000',
      align: s.align,
      indent: s.indent,
      indentRight: s.indentRight,
      indentLeft: s.indentLeft,
      lineHeight: s.lineHeight === undefined ? linePitch : len(s.lineHeight, ctx, [...at, 'lineHeight']),
      spaceBefore: len(s.spaceBefore, ctx, [...at, 'spaceBefore']),
      spaceAfter: len(s.spaceAfter, ctx, [...at, 'spaceAfter']),
      grid: s.grid,
      keepWithNext: s.keepWithNext,
      balance: s.balance,
    };
    if (s.strongFont) {
      if (!own(t.fonts, s.strongFont)) errors.push(diag('error', 'theme', `style \`${name}\` uses font role \`${s.strongFont}\` for strong text, which \`fonts\` does not define`, source.posOf([...at, 'strongFont'])));
      style.strongFont = s.strongFont;
    }
    if (s.outlineLevel !== undefined) style.outlineLevel = s.outlineLevel;
    if (s.hanging) style.hanging = s.hanging;
    if (s.role === 'heading' && s.outlineLevel === undefined) errors.push(diag('error', 'theme', `style \`${name}\` is a heading: give its level as \`outlineLevel\``, source.posOf([...at, 'role'])));
    styles[name] = style;
  }
  // Renderers and Word import ask for the style of a role: one style a role (a heading one a level).
  const byRole = new Map<string, string>();
  for (const [name, s] of Object.entries(t.styles)) {
    if (!s.role) continue;
    const key = s.role === 'heading' ? `heading ${s.outlineLevel}` : s.role;
    const other = byRole.get(key);
    if (other) errors.push(diag('error', 'theme', `styles \`${other}\` and \`${name}\` both have the role ${key}`, source.posOf(['styles', name, 'role']), ['give the role to one style']));
    else byRole.set(key, name);
  }

  const furniture: FurnitureLooks = {};
  const f = t.furniture;
  if (f.pageNumber) {
    const pn = f.pageNumber;
    const at = ['furniture', 'pageNumber'];
    const style = own(styles, pn.style);
    if (!style) errors.push(diag('error', 'theme', `page number style \`${pn.style}\` is not defined`, source.posOf([...at, 'style'])));
    const ctx = { em: style?.size ?? 14, line: linePitch };
    furniture.pageNumber = { format: pn.format, style: pn.style, position: pn.position, inset: len(pn.inset, ctx, [...at, 'inset']), below: len(pn.below, ctx, [...at, 'below']) };
    if (pn.dash !== undefined) furniture.pageNumber.dash = len(pn.dash, ctx, [...at, 'dash']);
  }
  if (f.header) {
    if (!own(styles, f.header.style)) errors.push(diag('error', 'theme', `header style \`${f.header.style}\` is not defined`, source.posOf(['furniture', 'header', 'style'])));
    furniture.header = { style: f.header.style };
  }
  if (f.watermark) {
    if (!own(t.fonts, f.watermark.font)) errors.push(diag('error', 'theme', `the watermark uses font role \`${f.watermark.font}\`, which \`fonts\` does not define`, source.posOf(['furniture', 'watermark', 'font'])));
    furniture.watermark = { ...f.watermark };
  }

  // Each role's face: fonts/ of the project, then (unless the project pins the bundled faces) a
  // face installed on the machine answering to the role's names, then the bundled default.
  const fonts: Record<string, FontFace> = {};
  const choices: ResolvedFace[] = [];
  const warnings: Diagnostic[] = [];
  const setting = readFontsSetting(projectDir);
  errors.push(...setting.diagnostics);
  for (const [role, f] of Object.entries(t.fonts)) {
    const { face, diagnostics } = resolveProjectRole({ role, names: f.names, files: f.files, pos: source.posOf(['fonts', role]) }, projectDir, setting.setting);
    for (const d of diagnostics) (d.severity === 'error' ? errors : warnings).push(d);
    if (!face) continue;
    const fallbacks = f.fallback.map((shown) => ({ shown, file: resolveFontCandidate(shown, projectDir) })).filter((c): c is { shown: string; file: string } => Boolean(c.file));
    // Each face opened now: a bad file is one error naming it and the role, not an exception later.
    const problems = [
      faceProblem(face.file, face.from, role, source.posOf(['fonts', role])),
      ...fallbacks.map((c) => faceProblem(c.file, c.shown, role, source.posOf(['fonts', role, 'fallback']))),
    ].filter((d): d is Diagnostic => d !== undefined);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    choices.push(face);
    fonts[role] = {
      role,
      file: face.file,
      family: face.family,
      origin: face.origin,
      from: face.from,
      ...(face.collection ? { index: face.index } : {}),
      ...(face.embedding.noSubsetting ? { embedWhole: true } : {}),
      names: f.names,
      latin: f.latin,
      fallbacks: fallbacks.map((c) => c.file),
      boldStroke: f.bold.stroke,
    };
    // The role's bold face, found as the role's face is (its `bold.files`, then a face answering
    // to its bold names or the role's own at weight 700: fonts/, installed, bundled), and taken
    // only when it is a bold of the face the role got (its family, heavier): a 仿宋 found on the
    // machine is never set beside a bundled serif bold. Else bold is drawn synthetically.
    const bold = resolveProjectRole({ role: `${role} (bold)`, names: [...f.bold.names, ...f.names], files: f.bold.files, pos: source.posOf(['fonts', role, 'bold']), weight: 700, optional: true }, projectDir, setting.setting);
    if (bold.face && !bold.diagnostics.some((d) => d.severity === 'error') && isBoldOf(face.face, bold.face.face)) {
      fonts[role]!.bold = { file: bold.face.file, family: bold.face.family, ...(bold.face.embedding.noSubsetting ? { embedWhole: true } : {}) };
      warnings.push(...bold.diagnostics);
    }
  }
  // Only once every length reads: a value checked against the page must be a number.
  if (errors.length === 0) errors.push(...roomProblems(page, styles, (at) => source.posOf(at), (at) => source.has(at)));
  if (errors.length > 0) throw new DiagnosticError(errors);
  return { file, layout: t.layout, page, furniture, styles, fonts, fontChoices: choices, fontsSetting: setting.setting, warnings, colors: t.colors, contents: t.contents, punctuation: t.punctuation, latinGap: t.latinGap, composition: t.composition, flow: t.flow, ...(t.pdf ? { pdf: t.pdf } : {}) };
}
