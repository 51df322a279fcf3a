import fs from 'node:fs';
import path from 'node:path';
import { type Diagnostic, type SourcePos, diag } from '../diagnostics/index.js';
import { resolveBundled } from './bundled.js';
import { chooseByName } from './opentype/collection.js';
import type { Discovery } from './discovery/index.js';
import { findInstalled } from './discovery/index.js';
import { type FaceInfo, displayFamily, readFaceInfosOfFile } from './opentype/face-info.js';
import { derivedFont } from './derived.js';
import { type Embedding, LICENCE_HINT, embeddingDiagnostics, embeddingOf } from './permissions.js';
import { FontFormatError } from './opentype/sfnt.js';
import { faceProgram } from './opentype/face-program.js';
import { sfntFromWoff } from './opentype/woff.js';

/**
 * Which face a font role gets, and from where. In order:
 *   1. a file the theme names in the project (`fonts/kai.ttf`): the user pinned it;
 *   2. a face in the project's `fonts/` folder answering to one of the role's names, whatever
 *      its file is called (FZXBSJW.TTF, 仿宋_GB2312.ttf);
 *   3. unless the project pins the bundled faces, a face installed on this machine answering to
 *      one of the role's names (仿宋_GB2312, 仿宋, FangSong…, in the theme's order);
 *   4. the bundled default (`npm:…`).
 * In a collection the face answering to the role's names is taken, not the first.
 */

/** Where a role's face came from. */
export type FaceOrigin = 'project' | 'installed' | 'bundled';

/** Whether a build may use faces installed on the machine (`installed`), or only the project's and the bundled ones (`bundled`: the same bytes on every machine). */
export type FontsSetting = 'installed' | 'bundled';

export interface RoleSpec {
  role: string;
  /** Family names in order of preference. */
  names: readonly string[];
  /** Files tried in order: project paths (`fonts/…`) and bundled ones (`npm:…`). */
  files: readonly string[];
  /** Where the role is defined in the theme, for diagnostics. */
  pos?: SourcePos;
  /** The weight wanted among the faces answering to a name (400; a role's bold asks for 700). */
  weight?: number;
  /** Finding no face is no error (a role's bold face: bold is then drawn synthetically). */
  optional?: boolean;
}

export interface ResolvedFace {
  role: string;
  /** The font file read: the face's own file, or one derived from it (a collection's face, a WOFF's TTF). */
  file: string;
  /** Index of the face in its collection (0 for a single font). */
  index: number;
  /** PostScript name, by which fontkit and pdfkit open a collection's face. */
  postscriptName?: string;
  /** The face's family name as it gives it (Chinese first). */
  family: string;
  origin: FaceOrigin;
  /** Where it came from, as a user would name it: `fonts/kai.ttf`, an installed file's path, `npm:…`. */
  from: string;
  /** The role's name the face answered to, when it was found by name. */
  matchedName?: string;
  /** Whether the file holds several faces. */
  collection: boolean;
  embedding: Embedding;
  face: FaceInfo;
}

export interface ResolveContext {
  projectDir: string;
  setting: FontsSetting;
  /** Faces in the project's fonts/ folder (discovered once per run). */
  projectFaces: () => Discovery;
  /** Faces installed on the machine (discovered once per run, only if asked). */
  installedFaces: () => Discovery;
  /** An `npm:` file's path; default: resolveBundled. */
  bundled?: (spec: string) => string | undefined;
}

export interface RoleResult {
  face?: ResolvedFace;
  diagnostics: Diagnostic[];
}

function pick(file: string, faces: FaceInfo[], names: readonly string[], weight?: number): { face: FaceInfo; matchedName?: string } | undefined {
  const m = chooseByName(faces, names, weight);
  if (m) return { face: m.face, matchedName: m.name };
  // A single font the theme names by file is the user's choice, whatever it calls itself; in a
  // collection none of whose faces answers, the first face is what any reader would take.
  const first = faces[0];
  return first ? { face: first } : undefined;
}

/**
 * The file the rest of jianbao reads for a face: the font file itself, or for a collection's
 * face or a WOFF, a plain font derived from it once (see derivedFont).
 */
function readableFile(file: string, face: FaceInfo, collection: boolean): string {
  if (collection) return derivedFont(file, `face${face.index}`, (bytes) => faceProgram(bytes, face.index));
  return /\.woff$/i.test(file) ? derivedFont(file, 'unwrapped', sfntFromWoff) : file;
}

function resolved(spec: RoleSpec, file: string, faces: FaceInfo[], face: FaceInfo, origin: FaceOrigin, from: string, matchedName?: string): ResolvedFace {
  const collection = faces.length > 1;
  const r: ResolvedFace = { role: spec.role, file: readableFile(file, face, collection), index: face.index, family: displayFamily(face), origin, from, collection, embedding: embeddingOf(face), face };
  if (face.postscriptName) r.postscriptName = face.postscriptName;
  if (matchedName) r.matchedName = matchedName;
  return r;
}

/** A project path of the theme, resolved inside the project: undefined when it would leave it. */
function projectFile(projectDir: string, candidate: string): string | undefined {
  const abs = path.resolve(projectDir, candidate);
  const rel = path.relative(projectDir, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? abs : undefined;
}

export function resolveRole(spec: RoleSpec, ctx: ResolveContext): RoleResult {
  try {
    return resolveRoleOrThrow(spec, ctx);
  } catch (e) {
    // A face that reads but cannot be taken apart (a collection or WOFF whose tables lie).
    if (e instanceof FontFormatError) return { diagnostics: [diag('error', 'font', `font role \`${spec.role}\`: ${e.message}`, spec.pos)] };
    throw e;
  }
}

function resolveRoleOrThrow(spec: RoleSpec, ctx: ResolveContext): RoleResult {
  const diagnostics: Diagnostic[] = [];
  const done = (face: ResolvedFace): RoleResult => {
    if (face.embedding.noSubsetting && face.face.outlines === 'cff' && face.embedding.usage !== 'restricted') {
      diagnostics.push(diag('error', 'font-embedding', `font role \`${spec.role}\`: '${face.family}' (${face.from}) may not be subset, and jianbao embeds only TrueType (glyf) faces whole, not CFF ones`, spec.pos, ['put a TrueType face, or one that allows subsetting, first for this role', LICENCE_HINT]));
      return { diagnostics };
    }
    diagnostics.push(...embeddingDiagnostics({ role: spec.role, family: face.family, file: face.from, ...(face.collection ? { index: face.index } : {}) }, face.embedding, spec.pos));
    return { face, diagnostics };
  };
  const readFile = (file: string, shown: string): FaceInfo[] | undefined => {
    try {
      return readFaceInfosOfFile(file);
    } catch (e) {
      diagnostics.push(diag('error', 'font', `font role \`${spec.role}\`: ${shown} is not a font jianbao can read: ${(e as Error).message}`, spec.pos, ['replace the file, or remove it from fonts/ to let the role fall back']));
      return undefined;
    }
  };

  // 1. Files the theme names in the project.
  for (const candidate of spec.files) {
    if (candidate.startsWith('npm:')) continue;
    const file = projectFile(ctx.projectDir, candidate);
    if (!file) {
      diagnostics.push(diag('error', 'font', `font role \`${spec.role}\`: \`${candidate}\` is outside the project`, spec.pos));
      continue;
    }
    if (!fs.existsSync(file)) continue;
    const faces = readFile(file, candidate);
    if (!faces) return { diagnostics };
    const p = pick(file, faces, spec.names, spec.weight)!;
    return done(resolved(spec, file, faces, p.face, 'project', candidate, p.matchedName));
  }

  // 2 and 3. A face answering to the role's names: the project's fonts/, then the machine's.
  const byName = (d: Discovery, origin: FaceOrigin): ResolvedFace | undefined => {
    const m = findInstalled(d, spec.names, spec.weight);
    if (!m) return undefined;
    const faces = d.faces.filter((f) => f.file === m.face.file);
    const from = origin === 'project' ? path.relative(ctx.projectDir, m.face.file) : m.face.file;
    return resolved(spec, m.face.file, faces, m.face, origin, from, m.name);
  };
  const inProject = byName(ctx.projectFaces(), 'project');
  if (inProject) return done(inProject);
  if (ctx.setting === 'installed') {
    const installed = byName(ctx.installedFaces(), 'installed');
    if (installed) return done(installed);
  }

  // 4. The bundled default.
  const bundled = ctx.bundled ?? ((s: string) => resolveBundled(s));
  for (const candidate of spec.files) {
    if (!candidate.startsWith('npm:')) continue;
    const file = bundled(candidate);
    if (!file) continue;
    const faces = readFile(file, candidate);
    if (!faces) return { diagnostics };
    const p = pick(file, faces, spec.names, spec.weight)!;
    return done(resolved(spec, file, faces, p.face, 'bundled', candidate, p.matchedName));
  }

  if (spec.optional) return { diagnostics };
  const tried = [...spec.files.filter((f) => !f.startsWith('npm:')), `faces named ${spec.names.join(', ')} in fonts/`, ...(ctx.setting === 'installed' ? ['installed'] : []), ...spec.files.filter((f) => f.startsWith('npm:'))];
  diagnostics.push(
    diag('error', 'font', `no face found for font role \`${spec.role}\` (tried ${tried.join('; ')})`, spec.pos, [
      'run `npm install`, which brings the bundled faces, or put a face in fonts/ (see fonts/README.md)',
    ]),
  );
  return { diagnostics };
}
