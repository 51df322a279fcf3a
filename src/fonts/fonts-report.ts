import { type SourcePos, formatPos } from '../diagnostics/index.js';
import { LICENCE_HINT, describeEmbedding } from './permissions.js';
import type { ResolvedFace } from './resolve-role.js';

/**
 * What `jianbao fonts` shows: for each role of each layout, the face it resolved to (family, file,
 * collection index, origin, embedding permission) and its coverage of the project's content:
 * every character that no face of the role has, with where it is.
 */

export interface MissingChar {
  char: string;
  /** `U+20000` */
  codePoint: string;
  /** Where the content sets it in this role (first few places). */
  at: SourcePos[];
  /** How many places in all. */
  count: number;
}

export interface RoleReport {
  layout: string;
  role: string;
  /** Undefined when the role resolved to no face (its error is in `problems`). */
  face?: ResolvedFace;
  /** The role's fallback files, in order. */
  fallbacks: string[];
  /** Distinct characters of the content set in this role. */
  characters: number;
  missing: MissingChar[];
  /** Errors and warnings of resolving the role (no face, embedding forbidden, …). */
  problems: string[];
}

const ORIGIN: Record<ResolvedFace['origin'], string> = { project: 'project (fonts/)', installed: 'installed', bundled: 'bundled' };
/** Places shown per missing character in the text form; JSON has those too and the count. */
const PLACES_SHOWN = 3;

function codePointOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function missingChar(char: string, at: SourcePos[], count = at.length): MissingChar {
  return { char, codePoint: codePointOf(char), at, count };
}

/** The report as text, a block per layout and a few lines per role. */
export function formatFontsReport(reports: readonly RoleReport[]): string {
  const lines: string[] = [];
  let layout: string | undefined;
  const width = Math.max(0, ...reports.map((r) => r.role.length));
  for (const r of reports) {
    if (r.layout !== layout) {
      if (layout !== undefined) lines.push('');
      layout = r.layout;
      lines.push(`${layout}:`);
    }
    const pad = ' '.repeat(width + 4);
    const head = `  ${r.role.padEnd(width)}  `;
    if (!r.face) {
      lines.push(`${head}no face`);
    } else {
      const f = r.face;
      const index = f.collection ? `, face ${f.index} of a collection` : '';
      lines.push(`${head}${f.family} — ${ORIGIN[f.origin]}${f.matchedName ? `, by the name ${f.matchedName}` : ''}`);
      lines.push(`${pad}file: ${f.from}${index}${f.from !== f.file ? ` (read from ${f.file})` : ''}`);
      lines.push(`${pad}embedding: ${describeEmbedding(f.embedding)}`);
      if (r.fallbacks.length) lines.push(`${pad}fallbacks: ${r.fallbacks.join(', ')}`);
    }
    if (r.characters === 0) lines.push(`${pad}coverage: the content sets nothing in this role`);
    else if (r.missing.length === 0) lines.push(`${pad}coverage: all ${r.characters} characters the content sets in this role`);
    else {
      lines.push(`${pad}coverage: ${r.missing.length} of ${r.characters} characters are in no face of this role:`);
      for (const m of r.missing) {
        const places = m.at.slice(0, PLACES_SHOWN).map(formatPos).join(', ');
        const more = m.count > PLACES_SHOWN ? ` and ${m.count - PLACES_SHOWN} more` : '';
        lines.push(`${pad}  '${m.char}' ${m.codePoint}${places ? ` at ${places}` : ' (set by the layout)'}${more}`);
      }
    }
    for (const p of r.problems) lines.push(`${pad}${p}`);
  }
  lines.push('', `note: ${LICENCE_HINT}`);
  return `${lines.join('\n')}\n`;
}

/** Where a face came from, in a few words: `bundled`, `fonts/kai.ttf`, `installed /usr/share/fonts/…/simkai.ttf`. */
export function faceSource(f: ResolvedFace): string {
  const index = f.collection ? ` face ${f.index}` : '';
  if (f.origin === 'bundled') return 'bundled';
  return `${f.origin === 'installed' ? 'installed ' : ''}${f.from}${index}`;
}

/**
 * The line a build prints once: each role's face and where it came from, one line per set of
 * layouts that share their faces (`fonts (report, bulletin): title 方正小标宋简体 (fonts/FZXBSJW.TTF), …`).
 */
export function formatFontChoices(layouts: readonly { layout: string; faces: readonly ResolvedFace[] }[]): string[] {
  const byText = new Map<string, string[]>();
  for (const l of layouts) {
    const text = l.faces.map((f) => `${f.role} ${f.family} (${faceSource(f)})`).join(', ');
    const list = byText.get(text);
    if (list) list.push(l.layout);
    else byText.set(text, [l.layout]);
  }
  return [...byText].map(([text, names]) => `fonts (${names.join(', ')}): ${text}`);
}

/** The report as plain data for `--json`. */
export function fontsReportJson(reports: readonly RoleReport[]): object {
  return {
    roles: reports.map((r) => ({
      layout: r.layout,
      role: r.role,
      face: r.face
        ? {
            family: r.face.family,
            families: r.face.face.families,
            postscriptName: r.face.postscriptName ?? null,
            file: r.face.file,
            from: r.face.from,
            index: r.face.index,
            collection: r.face.collection,
            origin: r.face.origin,
            matchedName: r.face.matchedName ?? null,
            embedding: { ...r.face.embedding, description: describeEmbedding(r.face.embedding) },
          }
        : null,
      fallbacks: r.fallbacks,
      characters: r.characters,
      missing: r.missing,
      problems: r.problems,
    })),
    licence: LICENCE_HINT,
  };
}
