import fs from 'node:fs';
import path from 'node:path';
import { FONT_FILE } from './folders.js';

export interface WalkLimits {
  /** Font files listed at most (a designer's machine may have 10,000). */
  maxFiles: number;
  /** Folder depth below each root (macOS asset folders are 3 deep). */
  maxDepth: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 20_000, maxDepth: 8 };

/**
 * The font files under some folders: regular files (or links to them) named like fonts, found
 * by a walk that follows each folder once (a link loop is walked once), stops at `maxDepth` and
 * `maxFiles`, and passes over folders it cannot read. Missing roots are no error.
 */
export function walkFontFiles(roots: readonly string[], limits: WalkLimits = DEFAULT_WALK_LIMITS): { files: string[]; truncated: boolean } {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  let truncated = false;
  const visit = (dir: string, depth: number): void => {
    if (truncated) return;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isFile && FONT_FILE.test(e.name)) {
        if (files.length >= limits.maxFiles) {
          truncated = true;
          return;
        }
        files.push(p);
      } else if (isDir && depth < limits.maxDepth) visit(p, depth + 1);
    }
  };
  for (const root of roots) visit(root, 0);
  return { files, truncated };
}
