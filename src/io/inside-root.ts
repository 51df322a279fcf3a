import fs from 'node:fs';
import path from 'node:path';

/**
 * The path policy for every file jianbao reads or writes on behalf of its input: a path named by
 * content, a template, a manifest or a Word package is resolved and must stay inside its root,
 * both as written (no `..` out, no absolute path) and as the file system resolves it (no symbolic
 * link out). The answer says why a path is refused, so each caller can word its diagnostic.
 */
export type Placement =
  | { ok: true; abs: string; real: string | undefined }
  | { ok: false; why: 'absolute' | 'url' | 'outside' | 'link-outside' | 'bad-name' | 'not-file'; abs: string; real?: string };

/** Whether `abs` is `root` itself or lies under it (both absolute and normalised). */
export function isUnder(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Characters no file name jianbao reads or writes may hold: controls (a newline in a name forges
 * a line of SHA256SUMS or of a diagnostic), and backslashes, which are separators on Windows.
 */
const BAD_NAME = /[\u0000-\u001f\u007f\\]/;

/**
 * Why a name jianbao records (an output's path in a manifest, a preview, a release entry) is not
 * a plain relative path with forward slashes, or undefined when it is one: no empty, `.` or `..`
 * segment, not absolute, no control character or backslash. Such a name means the same file in
 * every folder it is joined to, in a zip and in SHA256SUMS.
 */
export function notPlainRelative(rel: string): string | undefined {
  if (rel === '') return 'is empty';
  if (BAD_NAME.test(rel)) return 'holds a control character or a backslash';
  if (rel.startsWith('/') || path.isAbsolute(rel) || /^[a-z]:/i.test(rel)) return 'is absolute';
  const segments = rel.split('/');
  if (segments.some((s) => s === '..')) return 'climbs out with `..`';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or `.` segment';
  return undefined;
}

/**
 * Places `target` (relative to `base`, which defaults to `root`) inside `root`. A path that
 * exists is also followed through its links (`real`); one that does not is judged as written,
 * which is what a writer about to create it needs.
 */
export function placeInside(root: string, target: string, base = root, options: { allowAbsolute?: boolean } = {}): Placement {
  const abs = path.resolve(base, target);
  if (BAD_NAME.test(target)) return { ok: false, why: 'bad-name', abs };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !path.isAbsolute(target)) return { ok: false, why: 'url', abs };
  if (path.isAbsolute(target) && !options.allowAbsolute) return { ok: false, why: 'absolute', abs };
  const rootAbs = path.resolve(root);
  if (!isUnder(rootAbs, abs)) return { ok: false, why: 'outside', abs };
  let real: string | undefined;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return { ok: true, abs, real: undefined };
  }
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(rootAbs);
  } catch {
    rootReal = rootAbs;
  }
  if (!isUnder(rootReal, real)) return { ok: false, why: 'link-outside', abs, real };
  return { ok: true, abs, real };
}

/** Words for a refused placement: `leaves the content folder (through a link to /etc/x)`. */
export function describeRefusal(p: Extract<Placement, { ok: false }>, rootName: string): string {
  switch (p.why) {
    case 'absolute':
      return `is absolute; paths here are relative and stay inside ${rootName}`;
    case 'url':
      return 'is a URL; only files inside the project are read';
    case 'outside':
      return `leaves ${rootName}`;
    case 'link-outside':
      return `leaves ${rootName} (through a link to ${p.real})`;
    case 'bad-name':
      return 'holds a control character or a backslash, which no file name here may';
    case 'not-file':
      return 'names something that is not a regular file (a link, a folder, a pipe or a device)';
  }
}

/**
 * The write side of the policy, for a file about to be written under `root` (an output, a
 * picture an import extracts): the name is relative, stays inside, holds no control character
 * (a newline in a name would forge a line of SHA256SUMS), every folder on the way that exists
 * resolves inside the root, and an existing target is a regular file (never a pipe, a device, a
 * folder or a link, which a rename would replace or a write would follow).
 */
export function placeForWrite(root: string, target: string): Placement {
  const placed = placeInside(root, target, root);
  if (!placed.ok) return placed;
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(placed.abs);
  } catch {
    st = undefined;
  }
  if (st && !st.isFile()) return { ok: false, why: 'not-file', abs: placed.abs, ...(placed.real ? { real: placed.real } : {}) };
  // The nearest folder that exists must itself resolve inside the root.
  let dir = path.dirname(placed.abs);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const rootReal = fs.existsSync(root) ? fs.realpathSync(root) : path.resolve(root);
  const dirReal = fs.realpathSync(dir);
  if (!isUnder(rootReal, dirReal)) return { ok: false, why: 'link-outside', abs: placed.abs, real: dirReal };
  return placed;
}

/** Whether `rel` is a regular file inside `dir`, also through links (the file itself not a link). */
export function isFileInside(dir: string, rel: string): boolean {
  const placed = placeInside(dir, rel);
  if (!placed.ok || placed.real === undefined) return false;
  try {
    return fs.lstatSync(placed.abs).isFile();
  } catch {
    return false;
  }
}
