import { type Diagnostic, type SourcePos, diag } from '../diagnostics/index.js';
import type { FaceInfo } from './opentype/face-info.js';

/**
 * Embedding permission, from a face's OS/2 `fsType` (OpenType spec, OS/2 table):
 * bits 0–3 say how a document may carry the face, bit 8 forbids subsetting, bit 9 allows
 * bitmaps only. A PDF is a document printed and previewed, so every usage but `restricted`
 * may be embedded. The flags are what the face's maker declared; they are not the licence.
 */
export type EmbeddingUsage = 'installable' | 'restricted' | 'preview-print' | 'editable';

export interface Embedding {
  usage: EmbeddingUsage;
  /** fsType bit 8: the face may be embedded only whole. */
  noSubsetting: boolean;
  /** fsType bit 9, or a face with no outlines: only bitmaps may be embedded, which a PDF of ours cannot use. */
  bitmapOnly: boolean;
  fsType?: number;
}

const RESTRICTED = 0x0002;
const PREVIEW_PRINT = 0x0004;
const EDITABLE = 0x0008;
const NO_SUBSETTING = 0x0100;
const BITMAP_ONLY = 0x0200;

export function embeddingOf(face: Pick<FaceInfo, 'fsType' | 'outlines'>): Embedding {
  const fsType = face.fsType;
  const bits = fsType ?? 0;
  // "If multiple bits are set in bits 0-3, the least restrictive permission takes precedence."
  let usage: EmbeddingUsage = 'installable';
  if (bits & EDITABLE) usage = 'editable';
  else if (bits & PREVIEW_PRINT) usage = 'preview-print';
  else if (bits & RESTRICTED) usage = 'restricted';
  const e: Embedding = { usage, noSubsetting: (bits & NO_SUBSETTING) !== 0, bitmapOnly: (bits & BITMAP_ONLY) !== 0 || face.outlines === 'none' };
  if (fsType !== undefined) e.fsType = fsType;
  return e;
}

/** Whether a PDF may embed the face at all. */
export function mayEmbed(e: Embedding): boolean {
  return e.usage !== 'restricted' && !e.bitmapOnly;
}

/** One line for `jianbao fonts`: `installable`, `print & preview, whole only`, `restricted (fsType 0x0002)`… */
export function describeEmbedding(e: Embedding): string {
  const usage = { installable: 'installable', restricted: 'restricted: may not be embedded', 'preview-print': 'print & preview', editable: 'editable' }[e.usage];
  const parts = [usage];
  if (e.noSubsetting) parts.push('embedded whole (no subsetting)');
  if (e.bitmapOnly) parts.push('bitmaps only: outlines may not be embedded');
  const flags = e.fsType === undefined ? 'no OS/2 table' : `fsType 0x${e.fsType.toString(16).padStart(4, '0')}`;
  return `${parts.join(', ')} (${flags})`;
}

/** The reminder every embedding diagnostic carries: the flags are not the licence. */
export const LICENCE_HINT = 'the fsType flags are what the face declares, not its licence: a licence to embed a face in documents you publish (方正\'s, for one) is yours to hold, whatever the flags say';

export interface FaceForRole {
  role: string;
  /** The face's name as shown (its family). */
  family: string;
  file: string;
  /** Index in a collection, shown when the file is one. */
  index?: number;
}

/**
 * The diagnostics of embedding a face in a PDF for a role: an error for a restricted or
 * bitmap-only face (nothing is written), a warning for a face embedded whole.
 */
export function embeddingDiagnostics(face: FaceForRole, e: Embedding, pos?: SourcePos): Diagnostic[] {
  const which = `'${face.family}' (${face.file}${face.index !== undefined ? `, face ${face.index}` : ''})`;
  const out: Diagnostic[] = [];
  if (e.usage === 'restricted') {
    out.push(diag('error', 'font-embedding', `font role \`${face.role}\`: ${which} forbids embedding (fsType restricted licence, 0x0002)`, pos, [
      'put a face that may be embedded first for this role (its file in fonts/, or its name in the theme), or pin the bundled faces',
      LICENCE_HINT,
    ]));
  }
  if (e.bitmapOnly) {
    out.push(diag('error', 'font-embedding', `font role \`${face.role}\`: ${which} allows only bitmaps to be embedded, and a PDF needs its outlines`, pos, [
      'put a face with outlines that may be embedded first for this role',
      LICENCE_HINT,
    ]));
  }
  if (out.length === 0 && e.noSubsetting) {
    out.push(diag('warning', 'font-embedding', `font role \`${face.role}\`: ${which} may not be subset, so every PDF embeds it whole`, pos, [
      'a whole CJK face adds megabytes to each PDF; a face that allows subsetting keeps PDFs small',
      LICENCE_HINT,
    ]));
  }
  return out;
}
