import fs from 'node:fs';
import path from 'node:path';
import { displayPath, UsageError } from '../diagnostics/index.js';
import { packageDir } from '../package.js';
import { CONFIG_FILE } from './root.js';

/**
 * What `jianbao init` writes, from the package's scaffold/ folder (npm leaves dotfiles out of
 * packages, so `.gitignore` and `.github/` are kept there without their dot).
 */
export const SCAFFOLD: readonly (readonly [from: string, to: string])[] = [
  ['jianbao.yaml', CONFIG_FILE],
  ['gitignore', '.gitignore'],
  ['content/articles/sample-article.yaml', 'content/articles/sample-article.yaml'],
  ['content/bulletins/sample-issue.yaml', 'content/bulletins/sample-issue.yaml'],
  ['github/workflows/build.yml', '.github/workflows/build.yml'],
  ['github/workflows/release.yml', '.github/workflows/release.yml'],
];

export interface InitResult {
  /** The project's folder. */
  dir: string;
  /** Files written, relative to `dir`. */
  written: string[];
  /** Files that were there already and were kept. */
  kept: string[];
}

/**
 * Makes a working project in `dir` (made if missing): jianbao.yaml, a sample article and issue,
 * .gitignore and GitHub workflows; `jianbao build` then works in it at once. A file already
 * there is kept (`force` replaces it); a folder that already has a jianbao.yaml is refused
 * without `force`.
 */
export function initProject(dir: string, options: { force?: boolean; cwd?: string } = {}): InitResult {
  const cwd = options.cwd ?? process.cwd();
  const shown = displayPath(dir, cwd);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${shown} is a file, not a folder`);
  if (fs.existsSync(path.join(dir, CONFIG_FILE)) && !options.force) {
    throw new UsageError(`${shown === '.' ? 'this folder' : shown} is a jianbao project already (it has ${CONFIG_FILE})`, ['run `jianbao build` there, or `jianbao init --force` to write the sample files again']);
  }
  const from = path.join(packageDir(), 'scaffold');
  const written: string[] = [];
  const kept: string[] = [];
  for (const [src, rel] of SCAFFOLD) {
    const to = path.join(dir, rel);
    if (fs.existsSync(to) && !options.force) {
      kept.push(rel);
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(from, src), to);
    written.push(rel);
  }
  return { dir, written, kept };
}
