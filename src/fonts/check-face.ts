import fs from 'node:fs';
import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { errnoWords } from '../io/read-bounded.js';
import { formatCount, LIMITS } from '../limits.js';
import { fontInfo, parsedFont } from './font-file.js';

/**
 * Opens a face where the build takes it, and turns anything wrong with the file into one
 * `error[font]` naming the file and the role, rather than an exception from fontkit later (in
 * the glyph check or a render worker): a folder, a pipe or a device; an empty, oversized or
 * truncated file (a table past its end); text, /etc/passwd through a link, or anything else
 * fontkit does not read; a collection (.ttc) where one face is needed. The face is parsed once
 * for the process (parsedFont), so the build pays nothing more for a good one.
 */
export function faceProblem(file: string, shown: string, role: string, pos: SourcePos): Diagnostic | undefined {
  const bad = (what: string, hint: string) => diag('error', 'font', `font role \`${role}\`: ${shown} ${what}`, pos, [hint]);
  const replace = 'replace the file, or remove it from fonts/ to let the role take its next candidate';
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return bad(`cannot be read: ${errnoWords(e)}`, replace);
  }
  if (st.isDirectory()) return bad('is a folder, not a font file', replace);
  if (!st.isFile()) return bad('is not a regular file (a pipe or a device)', replace);
  if (st.size === 0) return bad('is empty', replace);
  if (st.size > LIMITS.fontFileBytes.value) return { ...bad(`has ${formatCount(st.size)} bytes; the limit is ${formatCount(LIMITS.fontFileBytes.value)}`, replace), rule: LIMITS.fontFileBytes.rule };
  const cut = truncatedTable(file, st.size);
  if (cut) return bad(`is cut short: ${cut}`, replace);
  try {
    const font = parsedFont(file) as unknown as { fonts?: unknown[] };
    if (Array.isArray(font.fonts)) return bad(`is a font collection of ${font.fonts.length} faces; a role takes a file of one face`, 'name the file of one face (a .ttf or .otf), or extract the face from the collection');
    // What the build asks of every face: its metrics and its character map.
    const info = fontInfo(file);
    if (!(info.lineBoxEm > 0) || !Number.isFinite(info.ascentEm)) return bad('gives no usable line height (its ascent and descent)', replace);
    info.hasGlyph(0x4e00);
    return undefined;
  } catch (e) {
    return bad(`is not a font jianbao can read (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, replace);
  }
}

/** Where an sfnt's table directory points past the end of the file, in words; undefined when it does not (or the file is no sfnt). */
function truncatedTable(file: string, size: number): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(12);
    if (fs.readSync(fd, head, 0, 12, 0) < 12) return undefined;
    const version = head.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) return undefined; // TrueType, 'true', 'OTTO'
    const tables = head.readUInt16BE(4);
    const dir = Buffer.alloc(16 * tables);
    if (fs.readSync(fd, dir, 0, dir.length, 12) < dir.length) return `its table directory ends past the file's ${formatCount(size)} bytes`;
    for (let i = 0; i < tables; i++) {
      const tag = dir.toString('latin1', 16 * i, 16 * i + 4);
      const end = dir.readUInt32BE(16 * i + 8) + dir.readUInt32BE(16 * i + 12);
      if (end > size) return `its \`${tag.trim()}\` table ends at byte ${formatCount(end)}, the file has ${formatCount(size)}`;
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
