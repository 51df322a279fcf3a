import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import type { FontFace, PageStyle, Style } from '../ir/index.js';
import { readYamlData } from '../content/load-article.js';
import { zodIssuesToDiagnostics } from '../content/zod-diagnostics.js';
import { resolveFontCandidate } from '../fonts/resolve-font.js';
import { PAPER, parseLength, type LengthContext } from './length.js';
import { themeSchema, type LayoutFacts, type ThemeFile } from './schema.js';

/** A theme resolved to points and font files: what the template sees and what the IR carries. */
export interface Theme {
  file: string;
  /** What the layout is (theme `layout:`): the content it lays out, default or not, imposed or not. */
  layout: LayoutFacts;
  page: PageStyle;
  styles: Record<string, Style>;
  fonts: Record<string, FontFace>;
  colors: Record<string, string>;
  punctuation: ThemeFile['punctuation'];
  latinGap: number;
  draftMark: string;
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
  if (!parsed.success) throw new DiagnosticError(zodIssuesToDiagnostics(parsed.error.issues, source, [], () => Object.keys(themeSchema.shape)));
  const read = { stamp, source, t: parsed.data };
  if (stamp) readCache.set(key, read);
  return read;
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
    if (!t.fonts[s.font]) errors.push(diag('error', 'theme', `style \`${name}\` uses font role \`${s.font}\`, which \`fonts\` does not define`, source.posOf([...at, 'font'])));
    const ctx = { em: s.size, line: linePitch };
    const style: Style = {
      id: s.word ?? name,
      name: s.name ?? name,
      font: s.font,
      size: s.size,
      bold: s.bold,
      color: s.color ?? '#000000',
      align: s.align,
      indent: s.indent,
      indentRight: s.indentRight,
      lineHeight: s.lineHeight === undefined ? linePitch : len(s.lineHeight, ctx, [...at, 'lineHeight']),
      spaceBefore: len(s.spaceBefore, ctx, [...at, 'spaceBefore']),
      spaceAfter: len(s.spaceAfter, ctx, [...at, 'spaceAfter']),
      grid: s.grid,
      keepWithNext: s.keepWithNext,
      balance: s.balance,
    };
    if (s.strongFont) {
      if (!t.fonts[s.strongFont]) errors.push(diag('error', 'theme', `style \`${name}\` uses font role \`${s.strongFont}\` for strong text, which \`fonts\` does not define`, source.posOf([...at, 'strongFont'])));
      style.strongFont = s.strongFont;
    }
    if (s.outlineLevel !== undefined) style.outlineLevel = s.outlineLevel;
    styles[name] = style;
  }

  if (t.page.pageNumber) {
    const pn = t.page.pageNumber;
    const style = styles[pn.style];
    if (!style) errors.push(diag('error', 'theme', `page number style \`${pn.style}\` is not defined`, source.posOf(['page', 'pageNumber', 'style'])));
    const ctx = { em: style?.size ?? 14, line: linePitch };
    page.pageNumber = {
      format: pn.format,
      style: pn.style,
      position: pn.position,
      inset: len(pn.inset, ctx, ['page', 'pageNumber', 'inset']),
      below: len(pn.below, ctx, ['page', 'pageNumber', 'below']),
    };
  }

  const fonts: Record<string, FontFace> = {};
  for (const [role, f] of Object.entries(t.fonts)) {
    const file = f.pdf.map((c) => resolveFontCandidate(c, projectDir)).find(Boolean);
    if (!file) {
      errors.push(
        diag('error', 'font', `no font file found for role \`${role}\` (tried ${f.pdf.join(', ')})`, source.posOf(['fonts', role, 'pdf']), [
          'run `npm install`, which brings the default Noto fonts, or put the face in fonts/',
        ]),
      );
      continue;
    }
    fonts[role] = {
      role,
      file,
      family: path.basename(file).replace(/\.(ttf|otf)$/i, ''),
      docxEastAsia: f.docx,
      docxAscii: f.latin,
      fallbacks: f.fallback.map((c) => resolveFontCandidate(c, projectDir)).filter((x): x is string => Boolean(x)),
    };
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  return { file, layout: t.layout, page, styles, fonts, colors: t.colors, punctuation: t.punctuation, latinGap: t.latinGap, draftMark: t.draftMark };
}
